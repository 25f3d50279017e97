import { openDatabase } from '/work/main/db/open.ts';
import { testConfig } from '/work/main/server/config.ts';
import { createLogger } from '/work/main/server/logger.ts';
import { dashboardReport } from '/work/main/server/reports/dashboard/query.ts';
import { forgetProtectedLedgers } from '/work/main/server/reports/protection/query.ts';
const o = openDatabase('/tmp/prof.db');
const department = o.sqlite.prepare('SELECT id FROM departments WHERE code = ?').get('B042') as { id: number };
const NOW_MS = Date.parse(process.env.NOW ?? '2026-03-15T10:00:00Z');
const ctx: any = { db: o.db, sqlite: o.sqlite, config: testConfig(), logger: createLogger('silent'), now: () => new Date(NOW_MS), actor: { userId: 0, role: 'evaluateur', departmentId: department.id, associationId: null } };
for (let i = 0; i < Number(process.env.N ?? 1); i++) {
  forgetProtectedLedgers(o.sqlite);
  const t0 = performance.now();
  dashboardReport(ctx, { year: 2025 });
  console.log('cold', Math.round(performance.now() - t0), 'ms');
}
