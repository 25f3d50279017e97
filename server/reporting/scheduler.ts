import type { AppContext } from '../context.ts';
import { sendDueReminders } from './reminders.ts';

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Checks the reminders every hour inside the server (cron can run `reminders:send` as well: the database makes
 * the two safe together). Timers are unref'd so they never keep the process alive at shutdown.
 */
export function startReminderScheduler(ctx: AppContext, intervalMs = REMINDER_INTERVAL_MS): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sendDueReminders(ctx);
      if (result.sent + result.listed + result.failed > 0) ctx.logger.info(result, 'rappels de reporting traités');
    } catch (error) {
      ctx.logger.error({ err: error }, 'la vérification des rappels de reporting a échoué');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 30_000);
  first.unref();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
