import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';

/** A real, migrated SQLite file in a temporary folder (not :memory:, so WAL and durability are the real ones). */
export function testDatabase(): OpenedDatabase & { path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'impact-test-'));
  const path = join(dir, 'test.db');
  const opened = openDatabase(path);
  return {
    ...opened,
    path,
    dispose() {
      try {
        opened.close();
      } catch {
        // already closed by the test
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
