/**
 * `npm run bench:memory`: resident memory (RSS, from /proc) of the real server idle, then at its peak under the
 * submissions load (50 connections). Goals: ≤ 150 MB idle, ≤ 300 MB under load. Writes bench/results/memory.json.
 */
import { pathToFileURL } from 'node:url';
import { BENCH_SERVER_ENV, prepareSubmissionDb, rssMb, startBenchServer, stop, submissionLoad, writeResult } from './support/load.ts';
import { startServer, tsxServer } from './support/server.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const LINKS = Number(process.env.BENCH_MEMORY_LINKS ?? 12_000);

export async function runMemoryBench() {
  const db = prepareSubmissionDb(LINKS, 9);
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

    // For comparison: the TypeScript sources run through tsx (development), whose loader stays in memory.
    const dev = await startServer(tsxServer(), { DB_PATH: db.dbPath, ...BENCH_SERVER_ENV });
    await fetch(`${dev.url}/api/health`).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 3000));
    const idleTsx = rssMb(dev.pid);
    await stop(dev);

    const result = {
      idle_rss_mb: Math.round(idle * 10) / 10,
      load_rss_mb: Math.round(peak * 10) / 10,
      idle_rss_tsx_mb: Math.round(idleTsx * 10) / 10,
      server: 'node dist/server/main.mjs (comme npm start, après npm run build:server)',
      load_submissions: load.requests,
      load_rps: load.rps,
      connections: CONNECTIONS,
      goals: { idle_rss_mb: '<= 150', load_rss_mb: '<= 300' },
    };
    const file = writeResult('memory', result);
    console.log(`memory : RSS au repos ${result.idle_rss_mb} Mo (objectif ≤ 150 ; ${result.idle_rss_tsx_mb} Mo par tsx en développement), en charge ${result.load_rss_mb} Mo (objectif ≤ 300 ; ${load.requests} réponses à ${load.rps}/s) → ${file}`);
    return result;
  } finally {
    db.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runMemoryBench();
