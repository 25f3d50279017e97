import { departments, listValues, territories, LIST_KINDS } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import { DEFAULT_LISTS, DEFAULT_TERRITORIES } from './default-lists.ts';

/** Creates a department with the default lists and territories, so it is usable at once. */
export function createDepartment(db: Executor, input: { code: string; name: string; respondentContact?: string; territories?: string[]; now: Date }) {
  const department = db
    .insert(departments)
    .values({ code: input.code, name: input.name, respondentContact: input.respondentContact ?? '', createdAt: input.now })
    .returning()
    .get();
  const rows = LIST_KINDS.flatMap((kind) =>
    DEFAULT_LISTS[kind].map((v, i) => ({ departmentId: department.id, kind, code: v.code, label: v.label, groupLabel: v.groupLabel ?? null, sortOrder: i })),
  );
  db.insert(listValues).values(rows).run();
  const territoryRows = (input.territories ?? DEFAULT_TERRITORIES).map((name) => ({ departmentId: department.id, name }));
  const createdTerritories = db.insert(territories).values(territoryRows).returning().all();
  return { department, territories: createdTerritories };
}
