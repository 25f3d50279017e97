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
/**
 * Benches whose absolute goal is stated on an idle machine (the youth repeat visit): before them, wait for the load
 * the previous benches left behind to fade (1-minute load average ≤ 0.5, 90 s at most), and say how long it took.
 */
const SETTLE = new Set(['youth']);
const SETTLE_LOAD = 0.5;
const SETTLE_MAX_MS = 90_000;
function settle(): void {
  const t0 = Date.now();
  while (loadavg()[0]! > SETTLE_LOAD && Date.now() - t0 < SETTLE_MAX_MS) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2000);
  console.log(`(attente d’une machine au repos : ${((Date.now() - t0) / 1000).toFixed(0)} s ; charge ${load()})`);
}
const started = Date.now();
const m = machine();
console.log(`Machine : ${m.nproc} cœurs, ${m.cpu}, ${m.ram_gb} Go de mémoire, Node ${m.node} ; charge ${load()}`);
if (process.env.BENCH_QUICK === '1') console.log('BENCH_QUICK=1 : passages courts, pour vérifier que tout marche (chiffres non comparables)');
const failed: string[] = [];
for (const name of ORDER) {
  const file = join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) continue;
  console.log(`\n— ${name} —`);
  if (SETTLE.has(name)) settle();
  const t0 = Date.now();
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
