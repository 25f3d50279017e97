import { z } from 'zod';
import { AUDIENCES } from '../../db/schema/enums.ts';
import { CHAIN_LINKS, INDICATOR_IDS, INDICATOR_UNITS } from '../../surveys/catalogue.ts';

// Shapes of this feature's JSON answers (the route table's `response`), for the OpenAPI document and the staff
// client's generated types. The compiler checks each handler returns its schema's shape.

const Suppressed = z.object({ suppressed: z.literal(true), complement: z.literal(true).optional() });
const AudienceRate = z.object({
  issued: z.union([z.number(), Suppressed]),
  answered: z.union([z.number(), Suppressed]),
  declined: z.union([z.number(), Suppressed]),
  pending: z.union([z.number(), Suppressed]),
  rate: z.union([z.number(), Suppressed]).nullable(),
  lowRate: z.boolean(),
});
const Answers = z.object({ youth: AudienceRate, mentor: AudienceRate });
const DistributionItem = z.object({
  key: z.string(),
  label: z.string(),
  count: z.union([z.number(), Suppressed]),
  share: z.union([z.number(), Suppressed]).nullable(),
});
const Distribution = z.object({ items: z.array(DistributionItem), total: z.union([z.number(), Suppressed]) });
const DataQuality = z.object({
  objectiveDefinition: z.string(),
  objectiveReadings: z.array(z.object({
    key: z.enum(["statut", "motif", "categorie"]),
    label: z.string(),
    count: z.union([z.number(), Suppressed]),
    isIndicator: z.boolean(),
  })),
  conflicts: Distribution,
  conflictsByAssociation: Distribution.nullable(),
  declarations: z.array(z.object({ associationId: z.number(), name: z.string(), state: z.enum(["brouillon"]).nullable() })),
  coverage: z.array(z.object({
    indicatorId: z.string(),
    label: z.string(),
    answers: z.union([z.number(), Suppressed]),
    closed: z.union([z.number(), Suppressed]),
    share: z.union([z.number(), Suppressed]).nullable(),
  })),
});
const Measure = z.object({
  value: z.union([z.number(), Suppressed]).nullable(),
  n: z.union([z.number(), Suppressed]).nullable(),
  denominator: z.union([z.number(), Suppressed]).nullable(),
  declarations: z.number().optional(),
});
const Detail = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(["nombre", "part", "moyenne", "duree_jours", "euros", "etp", "liste", "score", "ratio"]),
  current: Measure,
  previous: Measure.nullable(),
});
const Breakdown = z.object({ key: z.string(), title: z.string(), current: Distribution });
const ChainFigure = z.object({
  indicatorId: z.enum(INDICATOR_IDS),
  link: z.enum(CHAIN_LINKS),
  label: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  isKey: z.boolean(),
  sources: z.array(z.string()),
  available: z.boolean(),
  note: z.string().nullable(),
  current: Measure,
  previous: Measure.nullable(),
  change: z.union([z.number(), Suppressed]).nullable(),
  details: z.array(Detail),
  breakdowns: z.array(Breakdown),
  list: z.array(z.string()),
});
const ResultsApart = z.object({
  byCategory: Distribution,
  byReason: Distribution,
  stopReasonsYouth: Distribution,
  stopReasonsMentor: Distribution,
  objectiveChangedYouth: Measure,
  objectiveChangedMentor: Measure,
});
const CrossTable = z.object({
  rows: z.array(z.object({ key: z.string(), label: z.string() })),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(z.array(z.union([z.number(), Suppressed]))),
  rowTotals: z.array(z.union([z.number(), Suppressed])),
  columnTotals: z.array(z.union([z.number(), Suppressed])),
  total: z.union([z.number(), Suppressed]),
});
const Interval = z.object({ low: z.number(), high: z.number() });
const SeriesPoint = z.object({
  year: z.number(),
  measure: Measure,
  interval: Interval.nullable(),
  smallSample: z.boolean(),
  noData: z.boolean(),
});
const Series = z.object({
  indicatorId: z.string(),
  label: z.string(),
  unit: z.string(),
  points: z.array(SeriesPoint),
});
const WordingChange = z.object({ indicatorId: z.string(), audience: z.enum(AUDIENCES), year: z.number() });
const RateRow = z.object({
  associationId: z.number().nullable(),
  label: z.string(),
  year: z.number(),
  youth: AudienceRate,
  mentor: AudienceRate,
});
export const ResponseRateResult = z.object({
  year: z.number(),
  k: z.number(),
  lowRateThreshold: z.number(),
  rows: z.array(RateRow),
  associations: z.array(z.object({ id: z.number(), name: z.string() })),
});
const Agreement = z.object({ objective: Measure, frequency: Measure, frequencyClose: Measure });
const PairsRow = z.object({ associationId: z.number().nullable(), label: z.string(), agreement: Agreement });
export const PairsResult = z.object({ year: z.number(), k: z.number(), rows: z.array(PairsRow) });
const Named = z.object({ id: z.number(), name: z.string() });
/** Who a report is about: the department, the association chosen (if any), and the associations one may choose. */
const scope = { department: z.string(), association: Named.nullable(), associations: z.array(Named) };
export const ValueChainReport = z.union([z.object({
  status: z.literal("insufficient"),
  year: z.number(),
  k: z.number(),
  message: z.string(),
  mentorshipsClosed: z.union([z.number(), Suppressed]),
  answers: Answers,
  ...scope,
}), z.object({
  status: z.literal("ok"),
  year: z.number(),
  compare: z.boolean(),
  k: z.number(),
  youngPeople: z.union([z.number(), Suppressed]),
  mentorshipsClosed: z.union([z.number(), Suppressed]),
  answers: Answers,
  previousHasData: z.boolean().nullable(),
  declarationsSubmitted: z.number(),
  dataQuality: DataQuality,
  links: z.array(z.object({ link: z.enum(CHAIN_LINKS), label: z.string(), figures: z.array(ChainFigure) })),
  resultsApart: ResultsApart,
  ...scope,
})]);
export const DashboardReport = z.union([z.object({
  status: z.literal("insufficient"),
  year: z.number(),
  date: z.string(),
  k: z.number(),
  message: z.string(),
  ...scope,
}), z.object({
  status: z.literal("ok"),
  year: z.number(),
  date: z.string(),
  k: z.number(),
  inProgressAt: z.union([z.number(), Suppressed]),
  mentorshipsOfYear: z.union([z.number(), Suppressed]),
  youngPeople: z.union([z.number(), Suppressed]),
  charts: z.array(z.object({
    key: z.enum(["statut", "territoire", "tranche_age", "sexe", "type_placement", "groupe_niveau_scolaire", "objectif"]),
    title: z.string(),
    distribution: Distribution,
  })),
  byAssociation: CrossTable.nullable(),
  ...scope,
})]);
export const EvolutionReport = z.union([z.object({
  status: z.literal("insufficient"),
  year: z.number(),
  k: z.number(),
  message: z.string(),
}), z.object({
  status: z.literal("ok"),
  k: z.number(),
  years: z.array(z.number()),
  keyIndicators: z.array(Series),
  compared: z.object({
    indicatorId: z.string(),
    label: z.string(),
    associations: z.array(z.object({
      indicatorId: z.string(),
      label: z.string(),
      unit: z.string(),
      points: z.array(SeriesPoint),
      associationId: z.number(),
      associationName: z.string(),
    })),
  }),
  wordingChanges: z.array(WordingChange),
  associations: z.array(z.object({ id: z.number(), name: z.string() })),
})]);
