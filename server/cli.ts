import { Command } from 'commander';
import { registerCommands } from './cli/index.ts';

/** `npm run cli -- <command>`: administration commands (accounts, retention purge, backups…). */
const program = new Command('impact-mentorat').description('Commandes d’administration d’Impact Mentorat');
registerCommands(program);
await program.parseAsync(process.argv);
