/**
 * `npm run bench`: every benchmark present in bench/, one after the other (they must not share the 2 cores),
 * each writing bench/results/<name>.json. Benchmarks owned by other features join simply by existing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/server.ts';
import { machine } from './support/load.ts';

const ORDER = ['submissions', 'memory', 'reports', 'import', 'youth'];
const started = Date.now();
const m = machine();
console.log(`Machine : ${m.nproc} cœurs, ${m.cpu}, ${m.ram_gb} Go de mémoire, Node ${m.node}`);
const failed: string[] = [];
for (const name of ORDER) {
  const file = join(ROOT, 'bench', `${name}.ts`);
  if (!existsSync(file)) continue;
  const t0 = Date.now();
  console.log(`\n— ${name} —`);
  // Each bench in its own process: no JIT state, heap or open handle carried from one to the next.
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (run.status !== 0) failed.push(name);
  console.log(`(${name} : ${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
console.log(`\nRésumé (${((Date.now() - started) / 1000).toFixed(0)} s au total) :`);
for (const name of ORDER) {
  const file = join(ROOT, 'bench/results', `${name}.json`);
  if (!existsSync(file) || !existsSync(join(ROOT, 'bench', `${name}.ts`))) continue;
  const { machine: _m, ...figures } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const shown = Object.entries(figures).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}=${v}`);
  console.log(`  ${name} : ${shown.join(' ')}`);
}
if (failed.length > 0) {
  console.error(`Échec : ${failed.join(', ')}`);
  process.exit(1);
}
