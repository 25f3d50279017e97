import type Database from 'better-sqlite3';

interface Reference {
  table: string;
  from: string;
  to: string;
}

/** Every foreign key of the database, by referenced table, read from SQLite itself so new tables are covered. */
function referencesTo(sqlite: Database.Database): Map<string, Reference[]> {
  const map = new Map<string, Reference[]>();
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  for (const { name } of tables) {
    const fks = sqlite.prepare(`PRAGMA foreign_key_list("${name.replace(/"/g, '""')}")`).all() as { table: string; from: string; to: string | null }[];
    for (const fk of fks) {
      const list = map.get(fk.table) ?? [];
      list.push({ table: name, from: fk.from, to: fk.to ?? 'id' });
      map.set(fk.table, list);
    }
  }
  return map;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Deletes rows and, first, every row that references them, whatever feature added that table: erasing a
 * mentorship must not leave an orphan row behind (nor fail on a foreign key added by a later feature).
 * Returns the number of rows deleted per table. Call inside a transaction.
 */
export function deleteWithDependents(sqlite: Database.Database, table: string, rowids: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  const refs = referencesTo(sqlite);
  const visit = (t: string, ids: number[], depth: number) => {
    if (ids.length === 0 || depth > 10) return;
    const marks = ids.map(() => '?').join(',');
    for (const ref of refs.get(t) ?? []) {
      const keys = (sqlite.prepare(`SELECT ${quote(ref.to)} AS k FROM ${quote(t)} WHERE rowid IN (${marks})`).all(...ids) as { k: unknown }[]).map((r) => r.k);
      if (keys.length === 0) continue;
      const children = (
        sqlite.prepare(`SELECT rowid AS r FROM ${quote(ref.table)} WHERE ${quote(ref.from)} IN (${keys.map(() => '?').join(',')})`).all(...keys) as { r: number }[]
      ).map((r) => r.r);
      visit(ref.table, children, depth + 1);
    }
    const deleted = sqlite.prepare(`DELETE FROM ${quote(t)} WHERE rowid IN (${marks})`).run(...ids).changes;
    counts[t] = (counts[t] ?? 0) + deleted;
  };
  visit(table, rowids, 0);
  return counts;
}
