import { and, eq } from 'drizzle-orm';
import { declarations, departmentAssociations } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { ServiceError, conflict, notFound } from '../errors.ts';
import type { Tx } from '../../db/open.ts';
import type { DeclarationDraft } from './content.ts';
import { getDeclarationForDepartment, getOwnDeclaration, ownAssociation, submissionIssues } from './read.ts';

const LOCKED = 'Cette déclaration a été soumise : elle ne peut plus être modifiée. Demandez au département de la rouvrir si une correction est nécessaire.';

function findRow(tx: Tx, departmentId: number, associationId: number, year: number) {
  return tx
    .select()
    .from(declarations)
    .where(and(eq(declarations.departmentId, departmentId), eq(declarations.associationId, associationId), eq(declarations.year, year)))
    .get();
}

/** Saves the draft as sent (already checked field by field by the route); a submitted declaration is locked. */
export function saveDeclarationDraft(ctx: StaffContext, year: number, content: DeclarationDraft) {
  const associationId = ownAssociation(ctx);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const row = findRow(tx, ctx.actor.departmentId, associationId, year);
      if (row?.state === 'soumise') throw conflict(LOCKED);
      if (row) {
        tx.update(declarations).set({ content, updatedAt: now }).where(eq(declarations.id, row.id)).run();
      } else {
        tx.insert(declarations).values({ departmentId: ctx.actor.departmentId, associationId, year, state: 'brouillon', content, updatedAt: now }).run();
      }
    },
    { behavior: 'immediate' },
  );
  return getOwnDeclaration(ctx, year);
}

/** Submits the saved draft after the complete check; the answer lists every field to fix, in French. */
export function submitDeclaration(ctx: StaffContext, year: number) {
  const associationId = ownAssociation(ctx);
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const row = findRow(tx, ctx.actor.departmentId, associationId, year);
      if (!row) throw new ServiceError('UNPROCESSABLE', 'Aucun brouillon enregistré pour cette année : remplissez puis enregistrez la déclaration avant de la soumettre.');
      if (row.state === 'soumise') throw conflict('Cette déclaration est déjà soumise.');
      const issues = submissionIssues(row.content);
      if (issues.length > 0) {
        const plural = issues.length > 1 ? 's' : '';
        throw new ServiceError('UNPROCESSABLE', `La déclaration ne peut pas être soumise : ${issues.length} champ${plural} à corriger. ${issues[0]!.message}`, { issues });
      }
      tx.update(declarations).set({ state: 'soumise', submittedAt: now, updatedAt: now }).where(eq(declarations.id, row.id)).run();
    },
    { behavior: 'immediate' },
  );
  return getOwnDeclaration(ctx, year);
}

/** The department reopens a submitted declaration so that the association can correct it. */
export function reopenDeclaration(ctx: StaffContext, associationId: number, year: number) {
  const now = ctx.now();
  ctx.db.transaction(
    (tx) => {
      const partner = tx
        .select({ id: departmentAssociations.associationId })
        .from(departmentAssociations)
        .where(and(eq(departmentAssociations.departmentId, ctx.actor.departmentId), eq(departmentAssociations.associationId, associationId)))
        .get();
      const row = partner ? findRow(tx, ctx.actor.departmentId, associationId, year) : undefined;
      if (!row) throw notFound('Cette déclaration');
      if (row.state !== 'soumise') throw conflict('Cette déclaration n’est pas soumise : elle est déjà modifiable par l’association.');
      tx.update(declarations).set({ state: 'brouillon', submittedAt: null, updatedAt: now }).where(eq(declarations.id, row.id)).run();
    },
    { behavior: 'immediate' },
  );
  return getDeclarationForDepartment(ctx, associationId, year);
}
