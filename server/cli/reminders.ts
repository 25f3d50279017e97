import type { Command } from 'commander';
import { withContext } from './index.ts';
import { sendDueReminders } from '../reporting/reminders.ts';

/** `npm run cli -- reminders:send`: for cron; safe to run alongside the server's hourly check (sent once). */
export function registerRemindersCommand(program: Command): void {
  program
    .command('reminders:send')
    .description('Envoie les rappels de reporting dus (par e-mail si SMTP_URL est défini, sinon listés sur la page Reporting)')
    .action(async () => {
      const result = await withContext((ctx) => sendDueReminders(ctx));
      console.log(`Rappels : ${result.sent} envoyé(s) par e-mail, ${result.listed} listé(s) sur la page, ${result.failed} en échec, ${result.skipped} déjà traité(s).`);
      if (result.failed > 0) process.exitCode = 1;
    });
}
