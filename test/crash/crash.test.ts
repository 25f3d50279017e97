import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { ROOT } from '../../bench/support/server.ts';

/** The crash test itself (test/crash/run.ts) with a few kills, so every CI run exercises it; `npm run test:crash` does 200. */
describe('crash test (SIGKILL at random moments)', () => {
  it('loses no acknowledged answer, stores none twice, keeps the file intact', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/crash/run.ts'], { cwd: ROOT, env: { ...process.env, CRASH_KILLS: process.env.CRASH_KILLS_CI ?? '5' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const last = output.trim().split('\n').pop() ?? '';
    expect(last, output).toMatch(/^acknowledged=[1-9]\d* lost=0 duplicates=0 integrity=ok$/);
    expect(code).toBe(0);
  }, 180_000);
});
