import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIST } from '../../server/questionnaires/pages.ts';

type ChunkModules = Record<string, { imports: string[]; modules: string[] }>;

/**
 * Issue 13's budget: the staff code a browser downloads before the first page shows may weigh at most 40 kB gzip
 * more than before the typed client (361.29 kB). Gzip level 9, as the precompressed files the server sends.
 */
const BUDGET_BYTES = (361.29 + 40) * 1000;

/** The staff entry chunk and every chunk it imports statically: what the login page waits for. */
function staffStaticChunks(): { chunks: string[]; modules: string[] } {
  const graph = JSON.parse(readFileSync(join(CLIENT_DIST, '.vite/chunk-modules.json'), 'utf8')) as ChunkModules;
  const entry = Object.keys(graph).find((f) => graph[f]!.modules.some((m) => m.endsWith('client/src/staff/main.tsx')));
  expect(entry).toBeDefined();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    graph[file]?.imports.forEach(visit);
  };
  visit(entry!);
  return { chunks: [...seen], modules: [...seen].flatMap((f) => graph[f]?.modules ?? []) };
}

describe('the staff bundle', () => {
  it('loads charts (vega) and the questionnaire preview (SurveyJS, questionnaire text) only when a page needs them', () => {
    const { modules } = staffStaticChunks();
    expect(modules.some((m) => m.endsWith('client/src/staff/App.tsx'))).toBe(true);
    expect(modules.filter((m) => /node_modules\/(vega|survey-core)|surveys\/(blocks|compose|languages|respondent-text)/.test(m))).toEqual([]);
  });

  it('stays within the size budget', () => {
    const { chunks } = staffStaticChunks();
    const bytes = chunks.reduce((sum, f) => sum + gzipSync(readFileSync(join(CLIENT_DIST, f)), { level: 9 }).length, 0);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
