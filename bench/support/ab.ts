/**
 * `npx tsx bench/support/ab.ts [revision]`: the submissions load against two production bundles in alternation,
 * the given git revision's (default HEAD) and the working tree's. On a shared 2-core machine the load of the moment
 * weighs as much as the code, so two versions are only compared coup sur coup: each round runs an express
 * hello-world, then both bundles (order swapped every round), each on a fresh copy of the seeded links, and prints
 * the answers per second, p99 and ratio of each. Ends with the median ratio of each side. Writes nothing to
 * bench/results. AB_ROUNDS (6), AB_DURATION_S (4).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SERVER_ENV, helloLoad, prepareSubmissionDb, startHelloServer, stop, submissionLoad } from './load.ts';
import { productionServer, ROOT, startServer, type ServerCommand } from './server.ts';
import { median, round } from './stats.ts';

const ROUNDS = Number(process.env.AB_ROUNDS ?? 6);
const DURATION_S = Number(process.env.AB_DURATION_S ?? 4);
const revision = process.argv[2] ?? 'HEAD';
if (!/^[\w./~^-]+$/.test(revision)) throw new Error(`révision invalide : ${revision}`);

/** The revision's own `npm run build:server`, in a scratch copy of its files that uses this checkout's node_modules. */
function revisionServer(rev: string): ServerCommand & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'impact-ab-'));
  const run = (command: string, args: string[], cwd: string) => {
    const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} a échoué :\n${result.stdout}${result.stderr}`);
  };
  run('sh', ['-c', `git archive --format=tar ${rev} | tar -x -C ${dir}`], ROOT);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  run(process.execPath, ['server/build.mjs'], dir);
  return { dir, command: process.execPath, args: [join(dir, 'dist/server/main.mjs')], dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const before = revisionServer(revision);
const sides = [
  { name: revision, cmd: before as ServerCommand, ratios: [] as number[] },
  { name: 'copie de travail', cmd: productionServer(), ratios: [] as number[] },
];
try {
  for (let r = 0; r < ROUNDS; r++) {
    const hello = await startHelloServer();
    await helloLoad(hello.url, { connections: 50, durationS: 1 });
    const helloResult = await helloLoad(hello.url, { connections: 50, durationS: DURATION_S });
    await stop(hello);
    const parts = [`tour ${r + 1} : hello-world ${helloResult.rps} req/s`];
    for (const side of r % 2 ? [...sides].reverse() : sides) {
      const db = prepareSubmissionDb(20_000);
      try {
        const server = await startServer(side.cmd, { DB_PATH: db.dbPath, ...BENCH_SERVER_ENV });
        await submissionLoad(server.url, db.links.slice(0, 1000), { connections: 50, durationS: 2, repeat: true });
        const submit = await submissionLoad(server.url, db.links.slice(1000), { connections: 50, durationS: DURATION_S });
        await stop(server);
        side.ratios.push(submit.rps / helloResult.rps);
        parts.push(`${side.name} ${submit.rps}/s (p99 ${submit.p99_ms} ms, ${submit.created}/${submit.requests} en 201) ratio ${round(submit.rps / helloResult.rps, 3)}`);
      } finally {
        db.dispose();
      }
    }
    console.log(`${parts.join(' ; ')} ; charge ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
  for (const side of sides) {
    console.log(`${side.name} : ratio médian ${round(median(side.ratios), 3)} (${side.ratios.map((x) => round(x, 3)).join(', ')})`);
  }
} finally {
  before.dispose();
}
