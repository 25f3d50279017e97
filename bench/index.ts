/**
 * `npm run bench`: every benchmark present in bench/, one after the other (they must not share the 2 cores),
 * each writing bench/results/<name>.json. Benchmarks owned by other features join simply by existing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { ROOT } from './support/server.ts';
import { machine } from './support/load.ts';

/** The load average (1, 5, 15 min), printed beside every figure: on a shared machine it weighs as much as the code. */
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

const ORDER = ['submissions', 'memory', 'reports', 'import', 'youth'];
const started = Date.now();
const m = machine();
console.log(`Machine : ${m.nproc} cœurs, ${m.cpu}, ${m.ram_gb} Go de mémoire, Node ${m.node} ; charge ${load()}`);
if (process.env.BENCH_QUICK === '1') console.log('BENCH_QUICK=1 : passages courts, pour vérifier que tout marche (chiffres non comparables)');
const failed: string[] = [];
for (const name of ORDER) {
  const file = join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) continue;
  const t0 = Date.now();
  console.log(`\n— ${name} —`);
  // Each bench in its own process: no JIT state, heap or open handle carried from one to the next.
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed.push(name);
  console.log(`(${name} : ${((Date.now() - t0) / 1000).toFixed(0)} s ; charge ${load()})`);
}
console.log(`\nRésumé (${((Date.now() - started) / 1000).toFixed(0)} s au total) :`);
for (const name of ORDER) {
  const file = join(ROOT, 'bench/results', `${name}.json`);
  if (!existsSync(file) || !existsSync(join(ROOT, 'bench', `${name}.ts`))) continue;
  const { machine: _m, ...figures } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const shown = Object.entries(figures).filter(([k, v]) => typeof v === 'number' && !k.endsWith('_min') && !k.endsWith('_max')).map(([k, v]) => `${k}=${v}${typeof figures[`${k}_min`] === 'number' ? ` (${figures[`${k}_min`]}–${figures[`${k}_max`]})` : ''}`);
  console.log(`  ${name} : ${shown.join(' ')}`);
}
if (failed.length > 0) {
  console.error(`Échec : ${failed.join(', ')}`);
  process.exit(1);
}
