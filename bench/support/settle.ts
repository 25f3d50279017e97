import { loadavg } from 'node:os';

/**
 * Waits for the machine to be idle before timing what a goal states "on an idle machine": until the 1-minute load
 * average is at most `load` (0.5 by default), `maxMs` at most (90 s). The load the previous step left behind (a
 * client build, another bench) fades in about a minute. Returns what it waited and the load when done, to be
 * printed beside the figures.
 */
export async function settle(load = 0.5, maxMs = 90_000): Promise<{ waitedS: number; load: number }> {
  const t0 = Date.now();
  while (loadavg()[0]! > load && Date.now() - t0 < maxMs) await new Promise((resolve) => setTimeout(resolve, 2000));
  return { waitedS: Math.round((Date.now() - t0) / 1000), load: Math.round(loadavg()[0]! * 100) / 100 };
}
