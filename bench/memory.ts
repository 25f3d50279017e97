/**
 * `npm run bench:memory`: resident memory (RSS, from /proc) of the real server idle, then at its peak under the
 * submissions load (50 connections). RUNS rounds (3 by default), each a fresh server on a fresh copy of the seeded
 * links: figures are medians with min and max. Goals: ≤ 150 MB idle, ≤ 300 MB under load.
 * Writes bench/results/memory.json.
 */
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { BENCH_SERVER_ENV, prepareSubmissionDb, rssMb, startBenchServer, stop, submissionLoad, writeResult } from './support/load.ts';
import { startServer, tsxServer } from './support/server.ts';
import { QUICK, RUNS, median, round, spread } from './support/stats.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (QUICK ? 3 : 5));
// The same seeded file as bench:submissions (copied per round), so it is seeded once for both.
const LINKS = Number(process.env.BENCH_SUBMISSION_LINKS ?? 20_000);

export async function runMemoryBench() {
  const rounds: { idle: number; peak: number; requests: number; rps: number }[] = [];
  let idleTsx = NaN;
  for (let run = 0; run < RUNS; run++) {
    const db = prepareSubmissionDb(LINKS);
    try {
      const server = await startBenchServer(db.dbPath);
      // Idle: started, one health request served, a few seconds for start-up garbage to be collected.
      await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
      await new Promise((r) => setTimeout(r, 3000));
      const idle = rssMb(server.pid);
      let peak = idle;
      const load = await submissionLoad(server.url, db.links, {
        connections: CONNECTIONS,
        durationS: DURATION_S,
        onTick: () => {
          peak = Math.max(peak, rssMb(server.pid));
        },
      });
      peak = Math.max(peak, rssMb(server.pid));
      await stop(server);
      rounds.push({ idle, peak, requests: load.requests, rps: load.rps });
      console.log(`  série ${run + 1} : repos ${round(idle, 1)} Mo, pic ${round(peak, 1)} Mo (${load.requests} réponses à ${load.rps}/s) ; charge ${loadavg()[0]!.toFixed(1)}`);

      if (run === 0) {
        // For comparison, once: the TypeScript sources run through tsx (development), whose loader stays in memory.
        const dev = await startServer(tsxServer(), { DB_PATH: db.dbPath, ...BENCH_SERVER_ENV });
        await fetch(`${dev.url}/api/health`).then((r) => r.arrayBuffer());
        await new Promise((r) => setTimeout(r, 3000));
        idleTsx = rssMb(dev.pid);
        await stop(dev);
      }
    } finally {
      db.dispose();
    }
  }

  const result = {
    ...spread('idle_rss_mb', rounds.map((r) => r.idle), 1),
    ...spread('load_rss_mb', rounds.map((r) => r.peak), 1),
    idle_rss_tsx_mb: round(idleTsx, 1),
    runs: RUNS,
    server: 'node dist/server/main.mjs (comme npm start, après npm run build:server)',
    load_submissions: median(rounds.map((r) => r.requests)),
    load_rps: median(rounds.map((r) => r.rps)),
    connections: CONNECTIONS,
    quick: QUICK,
    goals: { idle_rss_mb: '<= 150', load_rss_mb: '<= 300' },
    load_average: loadavg().map((l) => round(l, 1)),
  };
  const file = writeResult('memory', result);
  console.log(
    `memory (médiane de ${RUNS}) : RSS au repos ${result.idle_rss_mb} Mo (${result.idle_rss_mb_min}–${result.idle_rss_mb_max} ; objectif ≤ 150 ; ${result.idle_rss_tsx_mb} Mo par tsx en développement), en charge ${result.load_rss_mb} Mo (${result.load_rss_mb_min}–${result.load_rss_mb_max} ; objectif ≤ 300) → ${file}`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runMemoryBench();
