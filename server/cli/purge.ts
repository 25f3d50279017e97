import type { Command } from 'commander';
import { withContext } from './index.ts';
import { purge } from '../privacy/purge.ts';

/** `npm run cli -- purge`: applies the retention periods; meant for a daily cron. */
export function registerPurgeCommand(program: Command): void {
  program
    .command('purge')
    .description('Supprime ou anonymise ce qui a dépassé sa durée de conservation (à lancer chaque jour par cron)')
    .option('--dry-run', 'affiche ce qui serait fait sans rien modifier')
    .action(async (options: { dryRun?: boolean }) => {
      const report = await withContext((ctx) => purge(ctx, { dryRun: options.dryRun === true }));
      const prefix = report.dryRun ? '[simulation] ' : '';
      for (const d of report.departments) {
        console.log(
          `${prefix}Département ${d.code} : ${d.linksDeleted} lien(s) supprimé(s), ${d.linksScrubbed} lien(s) effacé(s), ${d.mentorshipsAnonymised} mentorat(s) anonymisé(s), ${d.youngPeopleAnonymised} jeune(s) anonymisé(s).`,
        );
      }
      console.log(`${prefix}${report.sessionsDeleted} session(s) expirée(s) supprimée(s), ${report.auditEntriesDeleted} entrée(s) du journal d’audit de plus d’un an supprimée(s).`);
    });
}
