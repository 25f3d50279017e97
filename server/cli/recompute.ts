import type { Command } from 'commander';
import { withContext } from './index.ts';
import { recomputeIndicatorValues } from '../indicators/recompute.ts';

export function registerRecompute(program: Command): void {
  program
    .command('recompute')
    .description('Recalcule toutes les valeurs d’indicateurs à partir des réponses enregistrées (idempotent)')
    .action(() =>
      withContext((ctx) => {
        const result = recomputeIndicatorValues(ctx.db);
        console.log(`Recalcul terminé : ${result.responses} réponses, ${result.values} valeurs d’indicateurs.`);
      }),
    );
}
