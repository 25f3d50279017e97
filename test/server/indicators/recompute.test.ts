import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { indicatorValues } from '../../../db/schema/index.ts';
import { recomputeIndicatorValues } from '../../../server/indicators/recompute.ts';
import { seedDemo } from '../../../db/seed/demo-data.ts';
import { testDatabase } from '../../support/db.ts';
import { testConfig } from '../../../server/config.ts';
import { createLogger } from '../../../server/logger.ts';

let database: ReturnType<typeof testDatabase>;
beforeEach(() => {
  database = testDatabase();
});
afterEach(() => database.dispose());

const snapshot = () =>
  database.db
    .select({
      responseId: indicatorValues.responseId,
      indicatorId: indicatorValues.indicatorId,
      dimension: indicatorValues.dimension,
      value: indicatorValues.value,
      valueText: indicatorValues.valueText,
      year: indicatorValues.year,
      departmentId: indicatorValues.departmentId,
      associationId: indicatorValues.associationId,
    })
    .from(indicatorValues)
    .orderBy(asc(indicatorValues.responseId), asc(indicatorValues.indicatorId), asc(indicatorValues.dimension))
    .all();

describe('recompute', () => {
  it('rebuilds exactly the rows written at submission, and the same rows twice', async () => {
    await seedDemo(database, { config: testConfig(), logger: createLogger('silent'), now: new Date('2026-11-20T12:00:00Z') });
    const atSubmission = snapshot();
    expect(atSubmission.length).toBeGreaterThan(100);
    const first = recomputeIndicatorValues(database.db);
    expect(snapshot()).toEqual(atSubmission);
    const second = recomputeIndicatorValues(database.db);
    expect(second).toEqual(first);
    expect(snapshot()).toEqual(atSubmission);
  });

  it('restores values that were lost or corrupted', async () => {
    await seedDemo(database, { config: testConfig(), logger: createLogger('silent'), now: new Date('2026-11-20T12:00:00Z') });
    const expected = snapshot();
    database.db.delete(indicatorValues).run();
    database.db.insert(indicatorValues).values({ responseId: expected[0]!.responseId, mentorshipId: 1, departmentId: 1, associationId: 1, year: 1999, audience: 'youth', indicatorId: 'faux', dimension: 'faux', value: 42, valueText: null }).run();
    recomputeIndicatorValues(database.db);
    expect(snapshot()).toEqual(expected);
  });
});
