import { rmSync } from 'node:fs';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { openDatabase } from '../open.ts';
import { seedDemo } from './demo-data.ts';

// `npm run demo` starts again from a fresh demo database every time.
const config = loadConfig();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${config.dbPath}${suffix}`, { force: true });
const database = openDatabase(config.dbPath);
const demo = await seedDemo(database, { config, logger: createLogger('warn') });
database.close();

console.log(`Base de démonstration créée : ${config.dbPath}`);
for (const login of demo.logins) console.log(`LOGIN ${login.role} ${login.email} ${login.password}`);
for (const link of demo.links) console.log(`LINK ${link.audience} ${link.url}`);
