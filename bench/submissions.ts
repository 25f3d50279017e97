/**
 * `npm run bench:submissions`: answers per second and p99 latency at 50 connections against the real server
 * (child process, WAL + synchronous=FULL, logs at warn), compared with an express hello-world measured in the
 * same run. RUNS rounds (3 by default), each: hello-world, then the server on a fresh copy of the seeded database;
 * every figure is the median of the rounds, with min and max. Goals: ratio ≥ 0.4, p99 ≤ 100 ms.
 * Writes bench/results/submissions.json.
 */
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { helloLoad, prepareSubmissionDb, startBenchServer, startHelloServer, stop, submissionLoad, writeResult, type LoadResult } from './support/load.ts';
import { QUICK, RUNS, median, round, spread } from './support/stats.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (QUICK ? 3 : 5));
const LINKS = Number(process.env.BENCH_SUBMISSION_LINKS ?? 20_000);
const WARM_LINKS = 1000;

export async function runSubmissionsBench() {
  const rounds: { submit: LoadResult; hello: LoadResult; load: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const hello = await startHelloServer();
    await helloLoad(hello.url, { connections: CONNECTIONS, durationS: 1 }); // warm-up
    const helloResult = await helloLoad(hello.url, { connections: CONNECTIONS, durationS: DURATION_S });
    await stop(hello);

    // A fresh copy of the seeded links for each round: every measured request is a new answer to an open link.
    const db = prepareSubmissionDb(LINKS);
    try {
      const server = await startBenchServer(db.dbPath);
      // Warm-up on the first links (JIT, caches), measured run on the rest.
      await submissionLoad(server.url, db.links.slice(0, WARM_LINKS), { connections: CONNECTIONS, durationS: 2, repeat: true });
      const submit = await submissionLoad(server.url, db.links.slice(WARM_LINKS), { connections: CONNECTIONS, durationS: DURATION_S });
      await stop(server);
      rounds.push({ submit, hello: helloResult, load: loadavg()[0]! });
      console.log(
        `  série ${run + 1} : ${submit.rps} réponses/s (p99 ${submit.p99_ms} ms, ${submit.created}/${submit.requests} en 201, ${submit.duration_s} s) ; hello-world ${helloResult.rps} req/s ; ratio ${round(submit.rps / helloResult.rps, 3)} ; charge ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      );
      if (submit.created < submit.requests) console.log(`  ATTENTION ${submit.requests - submit.created} réponses sans 201`);
      if (submit.non2xx > 0 || submit.errors > 0) console.log(`  ATTENTION ${submit.non2xx} réponses non-2xx, ${submit.errors} erreurs`);
    } finally {
      db.dispose();
    }
  }
  const of = (f: (r: (typeof rounds)[number]) => number) => rounds.map(f);
  const ratios = of((r) => r.submit.rps / r.hello.rps);
  const result = {
    ...spread('submit_rps', of((r) => r.submit.rps)),
    ...spread('hello_rps', of((r) => r.hello.rps)),
    ...spread('ratio', ratios, 3),
    ...spread('p99_ms', of((r) => r.submit.p99_ms)),
    ...spread('p50_ms', of((r) => r.submit.p50_ms)),
    runs: RUNS,
    connections: CONNECTIONS,
    submissions: of((r) => r.submit.requests).reduce((a, b) => a + b, 0),
    created_201: of((r) => r.submit.created).reduce((a, b) => a + b, 0),
    non2xx: of((r) => r.submit.non2xx).reduce((a, b) => a + b, 0),
    errors: of((r) => r.submit.errors).reduce((a, b) => a + b, 0),
    duration_s: round(median(of((r) => r.submit.duration_s)), 1),
    hello_p99_ms: median(of((r) => r.hello.p99_ms)),
    rounds: rounds.map((r) => ({ submit_rps: r.submit.rps, hello_rps: r.hello.rps, ratio: round(r.submit.rps / r.hello.rps, 3), p99_ms: r.submit.p99_ms, load_average_1min: round(r.load, 1) })),
    quick: QUICK,
    server: 'node dist/server/main.mjs (comme npm start), LOG_LEVEL=warn, WAL + synchronous=FULL',
    goals: { ratio: '>= 0.4', p99_ms: '<= 100' },
    load_average: loadavg().map((l) => round(l, 1)),
  };
  const file = writeResult('submissions', result);
  console.log(
    `submissions (médiane de ${RUNS}) : ${result.submit_rps} réponses/s (${result.submit_rps_min}–${result.submit_rps_max}) ; hello-world ${result.hello_rps} req/s ; ratio ${result.ratio} (${result.ratio_min}–${result.ratio_max} ; objectif ≥ 0,4) ; p99 ${result.p99_ms} ms (${result.p99_ms_min}–${result.p99_ms_max} ; objectif ≤ 100) → ${file}`,
  );
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSubmissionsBench();
