import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { openDatabase, type OpenedDatabase } from '../db/open.ts';
import { createApp } from './app.ts';
import { startReminderScheduler } from './reporting/scheduler.ts';

/** Refusing to start is always better than serving on a database in an unknown state: say why, in French, exit 1. */
function refuseToStart(message: string): never {
  console.error(`Erreur au démarrage : ${message}`);
  console.error('Le serveur ne démarre pas.');
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  refuseToStart((error as Error).message);
}
const logger = createLogger(config.logLevel);

let database: OpenedDatabase;
try {
  database = openDatabase(config.dbPath, {
    onBackup: (path) => logger.warn({ backup: path }, 'copie de sécurité de la base écrite avant migration'),
  });
} catch (error) {
  logger.fatal({ err: error }, `Impossible d'ouvrir ou de migrer la base ${config.dbPath} : le serveur ne démarre pas.`);
  refuseToStart((error as Error).message);
}

const opened = database;
const appContext = { db: opened.db, sqlite: opened.sqlite, config, logger, now: () => new Date() };
const app = createApp(appContext);
// Hourly reporting reminders (unref'd timer; cron may also run `reminders:send`: each reminder goes out once).
startReminderScheduler(appContext);
const server = createServer(app);
// Slow or stalled clients must not hold a connection (and, at shutdown, the process) for long.
server.headersTimeout = 20_000;
server.requestTimeout = 30_000;

server.on('error', (error) => {
  logger.fatal({ err: error }, 'le serveur ne peut pas écouter');
  opened.close();
  refuseToStart(`impossible d'écouter sur ${config.host}:${config.port} : ${error.message}`);
});

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ port, host: config.host }, 'serveur démarré');
  // Test harnesses and the crash test read this line to find the port when PORT=0.
  console.log(`Impact Mentorat écoute sur http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
});

let stopping = false;
/**
 * Graceful stop: refuse new connections, let the requests in progress finish (each runs its own transaction
 * to the end), then close the database so the WAL is checkpointed, and exit 0.
 */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'arrêt en cours : plus de nouvelles connexions, fin des requêtes en cours');
  server.close(() => {
    clearInterval(idleSweep);
    opened.close();
    logger.info('arrêt terminé');
    process.exit(0);
  });
  // Keep-alive connections that finish their request become idle: close them as soon as they do.
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  // A request stuck for more than 10 s must not keep the process alive forever.
  setTimeout(() => {
    server.closeAllConnections();
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
