import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'server/main.ts');
/** Native modules stay outside the bundle and load from node_modules as usual. */
const NATIVE = ['better-sqlite3', '@node-rs/argon2', '@resvg/resvg-js'];

export interface ServerCommand {
  command: string;
  args: string[];
  /** Removes the bundle, if one was written. */
  dispose(): void;
}

/**
 * The real entry point, server/main.ts, bundled once with esbuild (a dependency of vite and tsx) into one file:
 * loading ~2 s instead of ~3.5 s through tsx, which matters when the crash test restarts it 200 times.
 * Each source file keeps its own `import.meta.url`, so the migrations and client folders resolve as in the source.
 * Falls back to `node --import tsx server/main.ts` if esbuild is missing.
 */
export async function bundledServer(): Promise<ServerCommand> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    return tsxServer();
  }
  const dir = join(ROOT, 'node_modules/.cache/impact-mentorat');
  mkdirSync(dir, { recursive: true });
  // Inside node_modules/.cache so that the external native packages resolve from the project's node_modules.
  const outfile = join(dir, `server-${process.pid}-${Date.now()}.mjs`);
  await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: NATIVE,
    logLevel: 'error',
    banner: { js: "import { createRequire as __impactCreateRequire } from 'node:module'; const require = __impactCreateRequire(import.meta.url);" },
    plugins: [
      {
        name: 'source-import-meta-url',
        setup(build) {
          build.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  return { command: process.execPath, args: [outfile], dispose: () => rmSync(outfile, { force: true }) };
}

/**
 * The production server exactly as `npm start` runs it: `npm run build:server` (server/build.mjs) writes
 * dist/server/main.mjs, rebuilt here so a bench never measures stale code.
 */
export function productionServer(): ServerCommand {
  const build = spawnSync(process.execPath, [join(ROOT, 'server/build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`la construction du serveur a échoué :\n${build.stdout}${build.stderr}`);
  return { command: process.execPath, args: [join(ROOT, 'dist/server/main.mjs')], dispose: () => {} };
}

/** The TypeScript entry point run through tsx (development), minus tsx's wrapper process (so a signal reaches the server itself). */
export function tsxServer(): ServerCommand {
  return { command: process.execPath, args: ['--import', 'tsx', ENTRY], dispose: () => {} };
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  url: string;
  pid: number;
  /** Resolves with the exit code (or the signal's name) when the process is gone. */
  exited: Promise<number | string>;
  output(): string;
}

/** Starts the server on PORT=0 and resolves once it printed the port it listens on. */
export function startServer(cmd: ServerCommand, env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<RunningServer> {
  const child = spawn(cmd.command, cmd.args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | string>((resolveExit) => child.on('exit', (code, signal) => resolveExit(code ?? signal ?? -1)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`le serveur n'a pas démarré à temps :\n${out}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      const match = /écoute sur (http:\/\/[^:\s]+):(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-100_000)));
        const port = Number(match[2]);
        resolveStart({ child, port, url: `http://127.0.0.1:${port}`, pid: child.pid!, exited, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-100_000)));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`le serveur s'est arrêté au démarrage (code ${code}) :\n${out}`));
    });
  });
}

/** RSS of a process from /proc (Linux), in MB. */
export function rssMb(pid: number): number {
  if (!existsSync(`/proc/${pid}/status`)) return NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}
