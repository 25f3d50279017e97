import { createServer } from 'node:http';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open.ts';
import { createApp } from './app.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);

let database: OpenedDatabase;
try {
  database = openDatabase(config.dbPath);
} catch (error) {
  logger.fatal({ err: error }, `Impossible d'ouvrir ou de migrer la base ${config.dbPath} : le serveur ne démarre pas.`);
  console.error(`Erreur au démarrage : ${(error as Error).message}`);
  process.exit(1);
}

const opened = database;
const app = createApp({ db: opened.db, sqlite: opened.sqlite, config, logger, now: () => new Date() });
const server = createServer(app);
server.listen(config.port, config.host, () => {
  logger.info({ port: config.port, host: config.host }, 'serveur démarré');
  console.log(`Impact Mentorat écoute sur http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'arrêt en cours : plus de nouvelles connexions, fin des requêtes en cours');
  server.close(() => {
    opened.close();
    logger.info('arrêt terminé');
    process.exit(0);
  });
  server.closeIdleConnections();
  // A request stuck for more than 10 s must not keep the process alive forever.
  setTimeout(() => {
    server.closeAllConnections();
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
