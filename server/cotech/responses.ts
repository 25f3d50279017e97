import { z } from 'zod';
import { REPORTING_RHYTHMS } from '../../db/schema/enums.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const Period = z.object({
  id: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  dueOn: z.string(),
});
const Cell = z.object({ value: z.number().nullable(), display: z.string(), suppressed: z.boolean() });
export const CotechAgenda = z.object({
  departmentName: z.string(),
  threshold: z.number(),
  rhythm: z.enum(REPORTING_RHYTHMS),
  period: Period,
  agenda: z.array(z.string()).readonly(),
  associations: z.array(z.object({
    reporting: z.enum(["a_temps", "en_retard", "manquant", "a_venir", "non_concerne"]),
    confirmedAt: z.string().nullable(),
    difficultes: z.string(),
    presentations: z.string(),
    associationId: z.number(),
    associationName: z.string(),
    chiffres: z.object({ enCours: Cell, commences: Cell, clotures: Cell }),
    profils: z.object({
      total: Cell,
      parAge: z.array(z.object({
        group: z.enum(["Moins de 11 ans", "11 à 14 ans", "15 à 17 ans", "18 à 21 ans", "22 ans et plus", "Âge non renseigné"]),
        cell: Cell,
      })),
      parPlacement: z.array(z.object({ code: z.string(), label: z.string(), cell: Cell })),
    }),
  })),
  ensemble: z.object({ enCours: Cell, commences: Cell, clotures: Cell }),
  ensembleProfils: z.object({
    total: Cell,
    parAge: z.array(z.object({
      group: z.enum(["Moins de 11 ans", "11 à 14 ans", "15 à 17 ans", "18 à 21 ans", "22 ans et plus", "Âge non renseigné"]),
      cell: Cell,
    })),
    parPlacement: z.array(z.object({ code: z.string(), label: z.string(), cell: Cell })),
  }),
  nextPeriod: Period,
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
  notConfirmed: z.array(z.string()),
});
