import type { Command } from 'commander';
import { withContext } from './index.ts';
import { USER_ROLES, type UserRole } from '../../db/schema/index.ts';
import { bootstrapAccount, generatePassword } from '../users/bootstrap.ts';
import { ServiceError } from '../errors.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `npm run cli -- user:create --role admin --email … --department-code 93`: the first account, or any other. */
export function registerUserCreateCommand(program: Command): void {
  program
    .command('user:create')
    .description('Crée un compte (le premier administrateur, par exemple). Mot de passe lu sur l’entrée standard avec --password-stdin, sinon généré et affiché une fois.')
    .requiredOption('--role <role>', `rôle : ${USER_ROLES.join(', ')}`)
    .requiredOption('--email <email>', 'adresse e-mail (identifiant de connexion)')
    .option('--department-code <code>', 'code du département (créé avec les listes par défaut s’il n’existe pas)')
    .option('--department-name <nom>', 'nom du département à créer')
    .option('--association-id <id>', 'association d’un responsable reporting', (v) => Number.parseInt(v, 10))
    .option('--display-name <nom>', 'nom affiché')
    .option('--password-stdin', 'lit le mot de passe sur l’entrée standard (première ligne)')
    .action(async (options: { role: string; email: string; departmentCode?: string; departmentName?: string; associationId?: number; displayName?: string; passwordStdin?: boolean }) => {
      if (!(USER_ROLES as readonly string[]).includes(options.role)) {
        console.error(`Rôle inconnu « ${options.role} » : choisissez parmi ${USER_ROLES.join(', ')}.`);
        process.exitCode = 2;
        return;
      }
      const password = options.passwordStdin ? await readStdin() : generatePassword();
      try {
        const result = await withContext((ctx) =>
          bootstrapAccount(ctx, {
            role: options.role as UserRole,
            email: options.email,
            password,
            displayName: options.displayName,
            departmentCode: options.departmentCode,
            departmentName: options.departmentName,
            associationId: options.associationId,
          }),
        );
        if (result.createdDepartment) console.log(`Département « ${options.departmentCode} » créé avec les listes par défaut.`);
        console.log(`Compte créé : ${options.email.trim().toLowerCase()} (${options.role}).`);
        if (!options.passwordStdin) console.log(`Mot de passe (affiché une seule fois, à transmettre de façon sûre) : ${password}`);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
      }
    });
}
