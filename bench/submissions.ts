/**
 * `npm run bench:submissions`: answers per second and p99 latency at 50 connections against the real server
 * (child process, WAL + synchronous=FULL, logs at warn), compared with an express hello-world measured in the
 * same run. Goals: ratio ≥ 0.3, p99 ≤ 100 ms. Writes bench/results/submissions.json.
 */
import { pathToFileURL } from 'node:url';
import { helloLoad, prepareSubmissionDb, startBenchServer, startHelloServer, stop, submissionLoad, writeResult } from './support/load.ts';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const LINKS = Number(process.env.BENCH_SUBMISSION_LINKS ?? 30_000);

export async function runSubmissionsBench() {
  const t0 = Date.now();
  const db = prepareSubmissionDb(LINKS);
  console.log(`submissions : ${db.links.length} liens ouverts préparés en ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  try {
    const hello = await startHelloServer();
    await helloLoad(hello.url, { connections: CONNECTIONS, durationS: 2 }); // warm-up
    const helloResult = await helloLoad(hello.url, { connections: CONNECTIONS, durationS: DURATION_S });
    await stop(hello);

    const server = await startBenchServer(db.dbPath);
    // Warm-up on the first links (JIT, caches), measured run on the rest: every request is a new answer.
    const warm = Math.min(1000, Math.floor(db.links.length / 10));
    await submissionLoad(server.url, db.links.slice(0, warm), { connections: CONNECTIONS, durationS: 3, repeat: true });
    const submit = await submissionLoad(server.url, db.links.slice(warm), { connections: CONNECTIONS, durationS: DURATION_S });
    await stop(server);

    const result = {
      submit_rps: submit.rps,
      hello_rps: helloResult.rps,
      ratio: Math.round((submit.rps / helloResult.rps) * 1000) / 1000,
      p99_ms: submit.p99_ms,
      p50_ms: submit.p50_ms,
      connections: CONNECTIONS,
      submissions: submit.requests,
      created_201: submit.created,
      non2xx: submit.non2xx,
      errors: submit.errors,
      duration_s: submit.duration_s,
      hello_p99_ms: helloResult.p99_ms,
      server: 'node dist/server/main.mjs (comme npm start), LOG_LEVEL=warn, WAL + synchronous=FULL',
      goals: { ratio: '>= 0.3', p99_ms: '<= 100' },
    };
    const file = writeResult('submissions', result);
    console.log(
      `submissions : ${result.submit_rps} réponses/s (p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${result.non2xx} non-2xx) ; hello-world ${result.hello_rps} req/s ; ratio ${result.ratio} (objectif ≥ 0,3) ; p99 ${result.p99_ms <= 100 ? '≤' : '>'} 100 ms → ${file}`,
    );
    if (submit.created < submit.requests) console.log(`submissions : ATTENTION ${submit.requests - submit.created} réponses sans 201 (liens épuisés ?)`);
    if (submit.non2xx > 0 || submit.errors > 0) console.log(`submissions : ATTENTION ${submit.non2xx} réponses non-2xx, ${submit.errors} erreurs`);
    return result;
  } finally {
    db.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSubmissionsBench();
