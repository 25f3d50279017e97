/**
 * `tsx bench/support/profile.ts [dir]`: the submissions load against the production bundle run with
 * `node --cpu-prof`, to see where the server's CPU goes per answer. Writes a .cpuprofile (open it in Chrome
 * DevTools) into `dir` and prints the heaviest functions by self time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_SERVER_ENV, prepareSubmissionDb, stop, submissionLoad } from './load.ts';
import { productionServer, startServer } from './server.ts';

const dir = resolve(process.argv[2] ?? 'bench/results/profile');
const db = prepareSubmissionDb(Number(process.env.BENCH_SUBMISSION_LINKS ?? 5000));
try {
  const cmd = productionServer();
  const server = await startServer({ ...cmd, args: ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...cmd.args] }, { DB_PATH: db.dbPath, ...BENCH_SERVER_ENV });
  const load = await submissionLoad(server.url, db.links, { connections: 50, durationS: Number(process.env.BENCH_DURATION_S ?? 10) });
  await stop(server);
  console.log(`profil : ${load.requests} réponses (${load.non2xx} non-2xx), ${load.rps}/s, p99 ${load.p99_ms} ms`);
  const file = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1)!;
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples: number[];
    timeDeltas: number[];
  };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const key = `${node.callFrame.functionName || '(anonyme)'} ${node.callFrame.url.split('/node_modules/').at(-1)}:${node.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  console.log(`profil : ${join(dir, file)} ; ${(total / 1000 / Math.max(load.requests, 1)).toFixed(2)} ms de CPU échantillonné par réponse`);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  // Inclusive time of the hot path's steps (a frame and everything it called).
  const children = new Map<number, number[]>();
  for (const node of profile.nodes as { id: number; children?: number[] }[]) children.set(node.id, node.children ?? []);
  const inclusive = (id: number): number => (self.get(id) ?? 0) + (children.get(id) ?? []).reduce((a, c) => a + inclusive(c), 0);
  const names = (process.env.PROFILE_FUNCTIONS ?? 'flush,submitResponse,findRespondentLink,storeResponse,validateSubmission,mapAnswers,jsonParser,cookieParser,helmetMiddleware,rateLimit,sessionMiddleware,parseRequest,writeHead,json').split(',');
  for (const name of names) {
    let us = 0;
    const visit = (id: number, inside: boolean) => {
      const node = profile.nodes.find((n) => n.id === id)!;
      const hit = !inside && node.callFrame.functionName === name;
      if (hit) us += inclusive(id);
      for (const c of children.get(id) ?? []) visit(c, inside || hit);
    };
    visit(profile.nodes[0]!.id, false);
    console.log(`inclus ${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  }
} finally {
  db.dispose();
}
