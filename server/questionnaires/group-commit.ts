import type Database from 'better-sqlite3';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const queues = new WeakMap<Database.Database, Pending[]>();

/**
 * Group commit. With synchronous=FULL every COMMIT waits for the disk (≈5 ms here), and better-sqlite3 waits
 * on the event loop, so one transaction per answer caps the server at ~200 answers/s. Answers that arrive in the
 * same turn of the event loop are written in ONE immediate transaction: each keeps its own savepoint (the
 * domain's `db.transaction` nests), so one refused answer rolls back alone; and nobody gets an acknowledgement
 * before the shared COMMIT is on disk. The transaction opens and closes inside one synchronous flush: no other
 * request's statement can slip into it.
 */
export function groupCommit<T>(sqlite: Database.Database, work: () => T): Promise<T> {
  let queue = queues.get(sqlite);
  if (!queue) {
    queue = [];
    queues.set(sqlite, queue);
    setImmediate(() => flush(sqlite));
  }
  return new Promise<T>((resolve, reject) => queue.push({ work, resolve: resolve as (v: unknown) => void, reject }));
}

function flush(sqlite: Database.Database): void {
  const batch = queues.get(sqlite) ?? [];
  queues.delete(sqlite);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    for (const p of batch) p.reject(error);
    return;
  }
  for (const p of batch) {
    try {
      outcomes.push({ ok: true, value: p.work() });
    } catch (error) {
      outcomes.push({ ok: false, error });
    }
  }
  try {
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    for (const p of batch) p.reject(error);
    return;
  }
  batch.forEach((p, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) p.resolve(outcome.value);
    else p.reject(outcome.error);
  });
}
