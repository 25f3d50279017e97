/**
 * Reports benchmark: does a report's cost follow the department's data, not the size of the database?
 *
 * Builds (seeded, deterministic) a national-scale SQLite — 100 departments × 10 associations × 10,000
 * mentorships over 10 years (1,000,000 mentorships, ~1.8 M links, ~1.7 M responses, ~8 M indicator values) —
 * and a small one holding only one of those departments, generated from the same seed so its rows are the same.
 * Then times the value-chain, dashboard and year-over-year reports for that department-year in both, calling
 * the domain functions directly (no HTTP: the HTTP layer costs the same in both and would only add noise).
 *
 * Generation is set-based (the domain functions would take hours, row-by-row prepared INSERTs minutes): a few
 * INSERT … SELECT statements over recursive CTEs, values drawn by a hash of (department, row, field) registered as
 * an SQL function, in one transaction on a file without journal; indexes built at the end. The files are cached
 * under /tmp, keyed by the generator's version and the migrations, so reruns skip it.
 * Output: bench/results/reports.json and a summary on stdout.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { MIGRATIONS_FOLDER, openDatabase, type OpenedDatabase } from '../db/open.ts';
import { seededRandom, type Random } from '../db/seed/random.ts';
import { createDepartment } from '../server/settings/create-department.ts';
import { DEFAULT_LISTS } from '../server/settings/default-lists.ts';
import { composeQuestionnaire } from '../surveys/compose.ts';
import { testConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import type { StaffContext } from '../server/context.ts';
import { valueChainReport } from '../server/reports/value-chain/query.ts';
import { dashboardReport } from '../server/reports/dashboard/query.ts';
import { evolutionReport } from '../server/reports/evolution/query.ts';
import { forgetProtectedLedgers } from '../server/reports/protection/query.ts';
import { median, QUICK, round as roundTo, RUNS, spread } from './support/stats.ts';

// Bump when the generated rows change: the cached files are keyed by it (and by the migrations).
const VERSION = 'reports-bench-v2-sql';
const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 100);
const ASSOCIATIONS_PER_DEPARTMENT = 10;
const MENTORSHIPS_PER_DEPARTMENT = Number(process.env.BENCH_MENTORSHIPS_PER_DEPARTMENT ?? 10_000);
const MENTORS_PER_ASSOCIATION = 700;
const FIRST_YEAR = 2017;
const YEARS = 10;
const TODAY = '2026-11-26';
/** The department whose year is measured (1-based position in the national database). */
const TARGET = Math.min(42, DEPARTMENTS);
const YEAR = 2025;
// Per round: RUNS rounds of 5 timings per report and database (15 in all; the first version took 25, but the whole
// `npm run bench` must stay within 10 minutes, and the evolution report alone takes ~1 s per call).
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? (QUICK ? 3 : 5));
const NOW_MS = Date.parse(`${TODAY}T12:00:00Z`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsKey = createHash('sha256').update(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort().join(',')).digest('hex').slice(0, 10);
const cacheKey = `${VERSION}-${DEPARTMENTS}x${MENTORSHIPS_PER_DEPARTMENT}-${migrationsKey}`;
const nationalPath = `/tmp/impact-bench-${cacheKey}-national.db`;
const smallPath = `/tmp/impact-bench-${cacheKey}-small.db`;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/**
 * The generator's pseudo-random source, as an SQL function: a 32-bit hash of (department position, row, field).
 * Every value depends only on these three numbers, never on row ids or on the order of generation, so a department
 * gets the same rows in the national and in the small database.
 */
function hash(position: number, row: number, field: number): number {
  let x = (Math.imul(position * 64 + field, 0x9e3779b1) ^ Math.imul(row + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
}

/** `CASE <expr> WHEN 0 THEN 'a' WHEN 1 THEN 'b' … END`: picks the n-th value of a fixed list inside a statement. */
const pick = (expr: string, values: readonly (string | number)[]) =>
  `(CASE ${expr} ${values.map((v, i) => `WHEN ${i} THEN ${typeof v === 'number' ? v : `'${v.replaceAll("'", "''")}'`}`).join(' ')} END)`;
/** A uniform integer in [0, n) for this row's field `field` (the generator's `random.int`). */
const r = (field: number, n: number) => `(rnd(p, i, ${field}) % ${n})`;

const KEY_INDICATORS = ['realisations.frequence', 'realisations.assiduite', 'resultats.objectif_atteint', 'impact.confiance', 'impact.notes'];
const youthSurvey = JSON.stringify(composeQuestionnaire({ audience: 'youth', indicatorIds: KEY_INDICATORS, contact: 'mentorat@exemple.fr' } as never).survey);
const mentorSurvey = JSON.stringify(composeQuestionnaire({ audience: 'mentor', indicatorIds: KEY_INDICATORS, contact: 'mentorat@exemple.fr' } as never).survey);

const FREQ = [['plusieurs_par_semaine', 8], ['chaque_semaine', 4], ['deux_par_mois', 2], ['une_par_mois', 1], ['moins', 0.5]] as const;
const REACHED = [['oui', 1], ['en_partie', 0.5], ['non', 0]] as const;

/**
 * The small per-department rows, in JS through the domain's own createDepartment (lists, territories): the
 * department, its two frozen questionnaire versions, 10 associations and their yearly declarations. Recorded in
 * the temporary table `dept_map` / `assoc_map` that the set-based statements below join.
 */
function generateDepartmentHeads(o: OpenedDatabase, positions: number[]) {
  const s = o.sqlite;
  s.exec(`CREATE TEMP TABLE dept_map (p INTEGER PRIMARY KEY, d INTEGER, youth_version INTEGER, mentor_version INTEGER, territories INTEGER);
          CREATE TEMP TABLE terr_map (d INTEGER, k INTEGER, territory_id INTEGER, PRIMARY KEY (d, k));
          CREATE TEMP TABLE assoc_map (p INTEGER, a INTEGER, assoc_id INTEGER, ordinal INTEGER, PRIMARY KEY (p, a));`);
  const version = s.prepare('INSERT INTO questionnaire_versions (department_id, audience, hash, survey_json, notice_json, indicator_ids, created_at, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const association = s.prepare('INSERT INTO associations (name, created_at) VALUES (?, ?)');
  const partner = s.prepare('INSERT INTO department_associations (department_id, association_id, created_at) VALUES (?, ?, ?)');
  const declaration = s.prepare("INSERT INTO declarations (department_id, association_id, year, state, content, submitted_at, updated_at) VALUES (?, ?, ?, 'soumise', ?, ?, ?)");
  const dept = s.prepare('INSERT INTO dept_map VALUES (?, ?, ?, ?, ?)');
  const terr = s.prepare('INSERT INTO terr_map VALUES (?, ?, ?)');
  const assoc = s.prepare('INSERT INTO assoc_map VALUES (?, ?, ?, ?)');
  let ordinal = 0;
  for (const position of positions) {
    const random: Random = seededRandom(1_000 + position);
    const { department, territories } = createDepartment(o.db, { code: `B${String(position).padStart(3, '0')}`, name: `Département ${position}`, now: new Date(NOW_MS) });
    const d = department.id;
    const youth = Number(version.run(d, 'youth', `bench-youth-${d}`, youthSurvey, '{"title":"","paragraphs":[]}', JSON.stringify(KEY_INDICATORS), NOW_MS, NOW_MS).lastInsertRowid);
    const mentor = Number(version.run(d, 'mentor', `bench-mentor-${d}`, mentorSurvey, '{"title":"","paragraphs":[]}', JSON.stringify(KEY_INDICATORS), NOW_MS, NOW_MS).lastInsertRowid);
    dept.run(position, d, youth, mentor, territories.length);
    territories.forEach((t, k) => terr.run(d, k, t.id));
    for (let a = 0; a < ASSOCIATIONS_PER_DEPARTMENT; a++) {
      const id = Number(association.run(`Association ${position}-${a + 1}`, NOW_MS).lastInsertRowid);
      partner.run(d, id, NOW_MS);
      assoc.run(position, a, id, ordinal++);
      for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
        const scale = 1 + random.next();
        declaration.run(
          d,
          id,
          y,
          JSON.stringify({
            etpSalaries: Math.round(scale * 20) / 10,
            etpBenevoles: Math.round(scale * 40) / 10,
            financements: [
              { sousProjet: 'mentorat', financeur: 'departement', montant: Math.round(scale * 40) * 1000 },
              { sousProjet: 'mentorat', financeur: 'autres', montant: Math.round(scale * 15) * 1000 },
            ],
            coutsAnnexes: { locaux: 6000, communication: 2000, transport: 3000, developpement: 1000 },
            outils: ['Tableur partagé'],
            structuresContactees: random.int(5, 20),
            structuresRencontrees: random.int(2, 10),
            reunionsDepartement: random.int(1, 6),
            actionsSensibilisation: random.int(0, 8),
            ateliersCollectifs: random.int(1, 12),
            projetsComplementaires: random.int(0, 3),
            evenements: random.int(1, 10),
          }),
          NOW_MS,
          NOW_MS,
        );
      }
    }
  }
}

/** Next id of an AUTOINCREMENT table minus one: rows inserted by one INSERT … SELECT get base+1, base+2, … */
const idBase = (o: OpenedDatabase, table: string) => (o.sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;

/** The ids that `INSERT … SELECT` gave must be exactly base+1 … base+count: the joins below compute them. */
function checkContiguous(o: OpenedDatabase, table: string, base: number, count: number) {
  const { n, hi } = o.sqlite.prepare(`SELECT count(*) AS n, max(id) AS hi FROM ${table} WHERE id > ?`).get(base) as { n: number; hi: number };
  if (n !== count || hi !== base + count) throw new Error(`génération : identifiants non contigus dans ${table} (${n} lignes, attendu ${count})`);
}

/**
 * The bulk rows — mentors, young people, mentorships, links, responses, indicator values — in a few INSERT … SELECT
 * statements over every department at once (a recursive CTE counts the rows; `rnd` draws the values). Ids are not
 * read back: each table is filled in the order of a temporary plan table, so an id is its base plus the plan row.
 */
function generateBulk(o: OpenedDatabase, step: (label: string) => void) {
  const s = o.sqlite;
  s.function('rnd', { deterministic: true }, (p: number, i: number, field: number) => hash(p, i, field));
  const reasons = {
    atteint: DEFAULT_LISTS.motif_cloture.filter((x) => x.groupLabel === 'atteint').map((x) => x.code),
    cloture: DEFAULT_LISTS.motif_cloture.filter((x) => x.groupLabel !== 'atteint').map((x) => x.code),
    binome: DEFAULT_LISTS.motif_cloture.filter((x) => x.groupLabel === 'binome').map((x) => x.code),
  };
  const codes = (kind: keyof typeof DEFAULT_LISTS) => DEFAULT_LISTS[kind].map((l) => l.code);
  const schoolLevels = codes('niveau_scolaire');
  const placements = codes('type_placement');
  const objectives = codes('objectif');
  const modalities = codes('modalite');
  const days = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
  const today = days(TODAY);
  const count = (sql: string) => (s.prepare(sql).get() as { n: number }).n;

  // Mentors: 700 per association (ids: base + ordinal × 700 + m + 1).
  const mentorBase = idBase(o, 'mentors');
  s.exec(`WITH RECURSIVE m(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM m WHERE k < ${MENTORS_PER_ASSOCIATION - 1})
    INSERT INTO mentors (association_id, reference, trained_on, created_at)
    SELECT assoc_id, 'M' || k,
           CASE WHEN rnd(p, a * ${MENTORS_PER_ASSOCIATION} + k, 50) % 100 < 85 THEN printf('%d-%02d-15', ${FIRST_YEAR} + rnd(p, a * ${MENTORS_PER_ASSOCIATION} + k, 51) % ${YEARS}, 1 + rnd(p, a * ${MENTORS_PER_ASSOCIATION} + k, 52) % 12) END,
           ${NOW_MS}
    FROM assoc_map, m ORDER BY ordinal, k`);
  checkContiguous(o, 'mentors', mentorBase, count('SELECT count(*) AS n FROM assoc_map') * MENTORS_PER_ASSOCIATION);

  // The plan: one row per mentorship with every value drawn (MATERIALIZED: each draw is made once).
  s.exec(`CREATE TEMP TABLE plan AS
    WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ${MENTORSHIPS_PER_DEPARTMENT - 1}),
    draw AS MATERIALIZED (
      SELECT p, i, d, youth_version, mentor_version, territories,
             ${FIRST_YEAR} + (i * ${YEARS}) / ${MENTORSHIPS_PER_DEPARTMENT} AS year,
             ${r(1, 331)} AS r_applied, 10 + ${r(2, 66)} AS r_matched, 3 + ${r(3, 18)} AS r_started, 120 + ${r(4, 281)} AS r_ended,
             ${r(5, 10)} AS r_status, 10 + ${r(6, 12)} AS age, 1 + ${r(7, 12)} AS month, ${r(8, 103)} AS r_sex,
             ${r(9, schoolLevels.length)} AS r_school, ${r(10, placements.length)} AS r_placement, rnd(p, i, 11) AS r_territory,
             ${r(12, MENTORS_PER_ASSOCIATION)} AS r_mentor, ${r(13, objectives.length)} AS r_objective, ${r(14, modalities.length)} AS r_modality,
             ${r(15, 100)} AS r_renewal, rnd(p, i, 16) AS r_reason
      FROM dept_map, seq
    ),
    dated AS MATERIALIZED (
      SELECT *, CAST(julianday(year || '-01-01') - 2440587.5 AS INTEGER) + r_applied AS applied
      FROM draw
    )
    SELECT dated.p AS p, dated.i AS i, dated.d AS d, youth_version, mentor_version, a.assoc_id AS assoc_id, ${mentorBase} + a.ordinal * ${MENTORS_PER_ASSOCIATION} + r_mentor + 1 AS mentor_id,
           year, applied, applied + r_matched AS matched, applied + r_matched + r_started AS started,
           applied + r_matched + r_started + r_ended AS ended,
           (applied + r_matched + r_started + r_ended) < ${today} AS is_ended,
           CASE WHEN (applied + r_matched + r_started + r_ended) >= ${today} THEN 'en_cours' WHEN r_status < 5 THEN 'objectif_atteint' WHEN r_status < 8 THEN 'cloture' ELSE 'abandonne' END AS status,
           age, month, r_sex, r_school, r_placement, t.territory_id, r_objective, r_modality, r_renewal, r_reason
    FROM dated
    JOIN assoc_map a ON a.p = dated.p AND a.a = dated.i % ${ASSOCIATIONS_PER_DEPARTMENT}
    JOIN terr_map t ON t.d = dated.d AND t.k = dated.r_territory % dated.territories
    ORDER BY dated.p, dated.i`);
  const planned = count('SELECT count(*) AS n FROM plan');
  step('mentors, plan des mentorats');
  const isoDay = (expr: string) => `date(${expr} * 86400, 'unixepoch')`;

  const youngBase = idBase(o, 'young_people');
  s.exec(`INSERT INTO young_people (department_id, association_id, reference, sex, birth_month, school_level, placement_type, territory_id, created_at)
    SELECT d, assoc_id, 'J' || i, CASE WHEN r_sex < 50 THEN 'F' WHEN r_sex < 100 THEN 'H' ELSE 'NP' END, printf('%d-%02d', year - age, month),
           ${pick('r_school', schoolLevels)}, ${pick('r_placement', placements)}, territory_id, ${NOW_MS}
    FROM plan ORDER BY rowid`);
  checkContiguous(o, 'young_people', youngBase, planned);

  const mentorshipBase = idBase(o, 'mentorships');
  const reason = `CASE status WHEN 'objectif_atteint' THEN ${pick(`r_reason % ${reasons.atteint.length}`, reasons.atteint)} WHEN 'cloture' THEN ${pick(`r_reason % ${reasons.cloture.length}`, reasons.cloture)} WHEN 'abandonne' THEN ${pick(`r_reason % ${reasons.binome.length}`, reasons.binome)} END`;
  s.exec(`INSERT INTO mentorships (department_id, association_id, reference, young_person_id, mentor_id, applied_on, matched_on, started_on, ended_on, status, objective, modality, is_renewal, closure_reason, created_at, updated_at)
    SELECT d, assoc_id, 'J' || i, ${youngBase} + rowid, mentor_id, ${isoDay('applied')}, ${isoDay('matched')}, ${isoDay('started')},
           CASE WHEN is_ended THEN ${isoDay('ended')} END, status, ${pick('r_objective', objectives)}, ${pick('r_modality', modalities)},
           r_renewal < 12, CASE WHEN is_ended THEN ${reason} END, ${NOW_MS}, ${NOW_MS}
    FROM plan ORDER BY rowid`);
  checkContiguous(o, 'mentorships', mentorshipBase, planned);
  step('jeunes, mentorats');

  // Links of ended mentorships (youth 0, mentor 1): answered 93 % / 88 %, refused up to 95 %, otherwise left open.
  s.exec(`CREATE TEMP TABLE link_plan AS
    SELECT plan.rowid AS plan_id, aud, ${mentorshipBase} + plan.rowid AS mentorship_id, CASE aud WHEN 0 THEN youth_version ELSE mentor_version END AS version_id,
           ended * ${DAY} AS ended_ms, year AS plan_year, strftime('%Y', ended * 86400, 'unixepoch') + 0 AS closure_year,
           rnd(p, i, 20 + aud) % 100 AS roll, p, i, d, assoc_id
    FROM plan, (SELECT 0 AS aud UNION ALL SELECT 1) WHERE is_ended ORDER BY plan.rowid, aud`);
  const linkBase = idBase(o, 'links');
  s.exec(`INSERT INTO links (public_id, token_hash, mentorship_id, audience, questionnaire_version_id, state, expires_at, created_at, used_at)
    SELECT 'p' || mentorship_id || CASE aud WHEN 0 THEN 'y' ELSE 'm' END, 'h' || mentorship_id || CASE aud WHEN 0 THEN 'y' ELSE 'm' END, mentorship_id,
           CASE aud WHEN 0 THEN 'youth' ELSE 'mentor' END, version_id,
           CASE WHEN roll < CASE aud WHEN 0 THEN 93 ELSE 88 END THEN 'repondu' WHEN roll < 95 THEN 'refuse' ELSE 'ouvert' END,
           ended_ms + ${60 * DAY}, ended_ms, CASE WHEN roll < CASE aud WHEN 0 THEN 93 ELSE 88 END THEN ended_ms + ${DAY} END
    FROM link_plan ORDER BY rowid`);
  checkContiguous(o, 'links', linkBase, count('SELECT count(*) AS n FROM link_plan'));

  s.exec(`CREATE TEMP TABLE response_plan AS
    SELECT ${linkBase} + rowid AS link_id, mentorship_id, version_id, aud, ended_ms, closure_year, p, i, d, assoc_id
    FROM link_plan WHERE roll < CASE aud WHEN 0 THEN 93 ELSE 88 END ORDER BY rowid`);
  const responseBase = idBase(o, 'responses');
  s.exec(`INSERT INTO responses (link_id, mentorship_id, questionnaire_version_id, audience, declined, answers_json, submitted_at)
    SELECT link_id, mentorship_id, version_id, CASE aud WHEN 0 THEN 'youth' ELSE 'mentor' END, 0, '{}', ended_ms + ${DAY}
    FROM response_plan ORDER BY rowid`);
  checkContiguous(o, 'responses', responseBase, count('SELECT count(*) AS n FROM response_plan'));
  step('liens, réponses');

  // Indicator values: what submitResponse would store for these answers (draws per response: fields 30+).
  const draw = (field: number, n: number) => `(rnd(p, i, ${field} + aud * 10) % ${n})`;
  s.exec(`CREATE TEMP TABLE value_plan AS
    SELECT ${responseBase} + rowid AS response_id, mentorship_id, d, assoc_id, closure_year, aud,
           ${draw(30, REACHED.length)} AS reached, ${draw(31, FREQ.length)} AS freq, 1 + ${draw(32, 4)} AS before,
           ${draw(33, 3)} AS gain, ${draw(34, 100)} AS grace, ${draw(35, 4)} AS assiduity
    FROM response_plan ORDER BY rowid`);
  const value = (indicator: string, dimension: string, v: string, text: string, where = '1') =>
    `SELECT response_id, mentorship_id, d, assoc_id, closure_year, CASE aud WHEN 0 THEN 'youth' ELSE 'mentor' END, '${indicator}', '${dimension}', ${v}, ${text} FROM value_plan WHERE ${where}`;
  const now = 'min(5, before + gain)';
  s.exec(`INSERT INTO indicator_values (response_id, mentorship_id, department_id, association_id, year, audience, indicator_id, dimension, value, value_text)
    ${[
      value('resultats.objectif_atteint', 'atteint', pick('reached', REACHED.map((x) => x[1])), pick('reached', REACHED.map((x) => x[0]))),
      value('realisations.frequence', 'frequence', pick('freq', FREQ.map((x) => x[1])), pick('freq', FREQ.map((x) => x[0]))),
      value('impact.confiance', 'avant', 'before', 'NULL', 'aud = 0'),
      value('impact.confiance', 'aujourdhui', now, 'NULL', 'aud = 0'),
      value('impact.confiance', 'evolution', `${now} - before`, 'NULL', 'aud = 0'),
      value('impact.confiance', 'grace_au_mentorat', 'grace < 80', 'NULL', `aud = 0 AND ${now} > before`),
      value('realisations.assiduite', 'assiduite', pick('assiduity', [1, 0.75, 0.5, 0.25]), 'NULL', 'aud = 1'),
    ].join('\n    UNION ALL ')}`);
  s.exec('DROP TABLE value_plan; DROP TABLE response_plan; DROP TABLE link_plan; DROP TABLE plan; DROP TABLE assoc_map; DROP TABLE terr_map; DROP TABLE dept_map;');
}

function generate(path: string, positions: number[]) {
  // The meta file is written last: without it the file is an interrupted generation (or an empty one) and is rebuilt.
  if (existsSync(path) && existsSync(`${path}.meta.json`)) {
    const meta = JSON.parse(readFileSync(`${path}.meta.json`, 'utf8')) as { seconds: number; cpu_seconds?: number };
    return { cached: true, seconds: meta?.seconds ?? 0, cpuSeconds: meta?.cpu_seconds ?? null };
  }
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const suffix of ['', '-wal', '-shm', '.meta.json']) rmSync(`${path}${suffix}`, { force: true });
  const tmp = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${tmp}${suffix}`, { force: true });
  const o = openDatabase(tmp);
  // A throwaway file: a crash just means generating again, so no journal and no fsync.
  o.sqlite.pragma('journal_mode = OFF');
  o.sqlite.pragma('synchronous = OFF');
  o.sqlite.pragma('cache_size = -262144');
  o.sqlite.pragma('temp_store = MEMORY');
  // Index builds sort millions of rows: let SQLite's sorter use a second thread.
  o.sqlite.pragma('threads = 2');
  o.sqlite.pragma('foreign_keys = OFF');
  // Building the indexes once at the end is several times faster than keeping them up to date row by row.
  const indexes = o.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const index of indexes) o.sqlite.exec(`DROP INDEX "${index.name}"`);
  const step = (label: string) => {
    const cpu = process.cpuUsage(cpuStarted);
    console.log(`  ${label} (${Math.round((performance.now() - started) / 1000)} s, ${Math.round((cpu.user + cpu.system) / 1e6)} s de CPU)`);
  };
  o.sqlite.transaction(() => {
    generateDepartmentHeads(o, positions);
    step('départements, associations, déclarations');
    generateBulk(o, step);
  })();
  step('lignes');
  for (const index of indexes) o.sqlite.exec(index.sql);
  step('index');
  o.sqlite.pragma('journal_mode = WAL');
  // Sampled statistics are enough for the planner and take seconds instead of a full scan of 1.5 GB.
  o.sqlite.pragma('analysis_limit = 1000');
  o.sqlite.exec('ANALYZE');
  o.close();
  renameSync(tmp, path);
  const seconds = (performance.now() - started) / 1000;
  // CPU seconds of this process: on a shared machine, the part of the figure that does not depend on the others.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  writeFileSync(`${path}.meta.json`, JSON.stringify({ seconds, cpu_seconds: cpuSeconds, cpus: cpus().length, load_average: loadavg().map((l) => Math.round(l * 10) / 10), at: new Date().toISOString() }));
  return { cached: false, seconds, cpuSeconds };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function openFor(path: string, code: string) {
  const o = openDatabase(path);
  const department = o.sqlite.prepare('SELECT id FROM departments WHERE code = ?').get(code) as { id: number };
  const ctx: StaffContext = {
    db: o.db,
    sqlite: o.sqlite,
    config: testConfig(),
    logger: createLogger('silent'),
    now: () => new Date(NOW_MS),
    actor: { userId: 0, role: 'evaluateur', departmentId: department.id, associationId: null },
  };
  const reports: Record<string, () => unknown> = {
    value_chain: () => valueChainReport(ctx, { year: YEAR, compare: 'previous' }),
    dashboard: () => dashboardReport(ctx, { year: YEAR }),
    evolution: () => evolutionReport(ctx, { year: YEAR }),
    // The first report after a write: the department's protected ledger (every year) is built anew.
    dashboard_cold: () => {
      forgetProtectedLedgers(o.sqlite);
      return dashboardReport(ctx, { year: YEAR });
    },
  };
  const plans = Object.fromEntries(
    [
      ['mentorships', "SELECT id FROM mentorships WHERE department_id = ? AND coalesce(started_on, applied_on) <= '2025-12-31' AND (ended_on IS NULL OR ended_on >= '2024-01-01')"],
      ['indicator_values', 'SELECT id FROM indicator_values WHERE department_id = ? AND year IN (2024, 2025)'],
    ].map(([name, q]) => [name, (o.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(department.id) as { detail: string }[]).map((r) => r.detail).join(' / ')]),
  );
  return { o, reports, plans };
}

/** Ids differ between the two files (other departments come first in the national one); figures must not. */
function fingerprint(result: unknown): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'id' && k !== 'associationId' && k !== 'key' && k !== 'rows').map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(strip(result))).digest('hex');
}

type Timing = { p50_ms: number; p50_ms_min: number; p50_ms_max: number; p95_ms: number };

/**
 * Both databases open side by side, runs interleaved, so JIT warm-up and machine noise hit both alike. RUNS rounds
 * of ITERATIONS timings per report and database: a figure is the median of the rounds' p50, with min and max.
 */
function measureBoth(code: string) {
  const national = openFor(nationalPath, code);
  const small = openFor(smallPath, code);
  const timings = { national: {} as Record<string, Timing>, small: {} as Record<string, Timing> };
  const ratios: Record<string, number[]> = {};
  const same: Record<string, boolean> = {};
  for (const name of Object.keys(national.reports)) {
    // A cold build takes seconds: one warm-up and one timing per round are enough (and keep the bench short).
    const cold = name.endsWith('_cold');
    const iterations = cold ? 1 : ITERATIONS;
    for (let i = 0; i < (cold ? 1 : 3); i++) {
      national.reports[name]!();
      small.reports[name]!();
    }
    const rounds = { national: [] as number[], small: [] as number[] };
    const all = { national: [] as number[], small: [] as number[] };
    ratios[name] = [];
    for (let run = 0; run < RUNS; run++) {
      const tn: number[] = [];
      const ts: number[] = [];
      for (let i = 0; i < iterations; i++) {
        for (const [side, times] of i % 2 === 0 ? ([[national, tn], [small, ts]] as const) : ([[small, ts], [national, tn]] as const)) {
          const t0 = performance.now();
          side.reports[name]!();
          times.push(performance.now() - t0);
        }
      }
      rounds.national.push(median(tn));
      rounds.small.push(median(ts));
      all.national.push(...tn);
      all.small.push(...ts);
      ratios[name]!.push(median(tn) / Math.max(0.01, median(ts)));
    }
    for (const side of ['national', 'small'] as const) {
      const sorted = all[side].sort((a, b) => a - b);
      timings[side][name] = { p50_ms: round(median(rounds[side])), p50_ms_min: round(Math.min(...rounds[side])), p50_ms_max: round(Math.max(...rounds[side])), p95_ms: round(percentile(sorted, 95)) };
    }
    same[name] = fingerprint(national.reports[name]!()) === fingerprint(small.reports[name]!());
  }
  const plans = national.plans;
  national.o.close();
  small.o.close();
  return { timings, same, plans, ratios };
}

const round = (v: number) => roundTo(v, 2);

function main() {
  console.log(`Benchmark des rapports (${cacheKey})`);
  const positions = Array.from({ length: DEPARTMENTS }, (_, i) => i + 1);
  console.log(`Base nationale : ${nationalPath}`);
  const national = generate(nationalPath, positions);
  console.log(national.cached ? '  (reprise du fichier en cache)' : `  générée en ${national.seconds.toFixed(1)} s (${national.cpuSeconds?.toFixed(1)} s de CPU)`);
  console.log(`Petite base : ${smallPath}`);
  const small = generate(smallPath, [TARGET]);
  console.log(small.cached ? '  (reprise du fichier en cache)' : `  générée en ${small.seconds.toFixed(1)} s`);

  const code = `B${String(TARGET).padStart(3, '0')}`;
  const measured = measureBoth(code);
  const n = { timings: measured.timings.national, plans: measured.plans };
  const s = { timings: measured.timings.small };
  const sameFigures = Object.values(measured.same).every(Boolean);
  const counts = (() => {
    const o = openDatabase(nationalPath);
    const c = (t: string) => (o.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const r = { departments: c('departments'), mentorships: c('mentorships'), responses: c('responses'), indicator_values: c('indicator_values'), links: c('links') };
    o.close();
    return r;
  })();
  // Median of the rounds' ratios (each round times both databases side by side), with min and max.
  const ratio = (name: string) => round(median(measured.ratios[name]!));
  const ratioSpread = (key: string, name: string) => spread(key, measured.ratios[name]!, 2);
  const result = {
    generated_at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? 'inconnu', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    method: 'fonctions de domaine appelées directement (sans HTTP), même département-année dans les deux bases',
    department_year: { department: code, year: YEAR, mentorships_in_department: MENTORSHIPS_PER_DEPARTMENT },
    national: { ...counts, file_mb: Math.round(statSync(nationalPath).size / 2 ** 20), generation_s: national.seconds ? round(national.seconds) : null, generation_cpu_s: national.cpuSeconds === null ? null : round(national.cpuSeconds), generation_cached: national.cached, timings: n.timings },
    small: { mentorships: MENTORSHIPS_PER_DEPARTMENT, file_mb: Math.round(statSync(smallPath).size / 2 ** 20), timings: s.timings },
    national_p50_ms: n.timings.value_chain!.p50_ms,
    national_p50_ms_min: n.timings.value_chain!.p50_ms_min,
    national_p50_ms_max: n.timings.value_chain!.p50_ms_max,
    small_p50_ms: s.timings.value_chain!.p50_ms,
    small_p50_ms_min: s.timings.value_chain!.p50_ms_min,
    small_p50_ms_max: s.timings.value_chain!.p50_ms_max,
    // The first report after a write: the department's ledger (every year) built anew.
    dashboard_cold_p50_ms: n.timings.dashboard_cold!.p50_ms,
    dashboard_cold_p50_ms_min: n.timings.dashboard_cold!.p50_ms_min,
    dashboard_cold_p50_ms_max: n.timings.dashboard_cold!.p50_ms_max,
    ratio: ratio('value_chain'),
    ...ratioSpread('ratio', 'value_chain'),
    ...ratioSpread('dashboard_ratio', 'dashboard'),
    ...ratioSpread('evolution_ratio', 'evolution'),
    runs: RUNS,
    generation_s: national.cached ? null : round(national.seconds),
    generation_cpu_s: national.cached || national.cpuSeconds === null ? null : round(national.cpuSeconds),
    goal_ratio_max: 1.5,
    same_figures_in_both: sameFigures,
    query_plans: n.plans,
    iterations: ITERATIONS,
    quick: QUICK,
    load_average: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/reports.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('');
  console.log(`Base nationale : ${counts.mentorships.toLocaleString('fr-FR')} mentorats, ${counts.responses.toLocaleString('fr-FR')} réponses, ${counts.indicator_values.toLocaleString('fr-FR')} valeurs d'indicateurs, ${counts.departments} départements`);
  for (const name of Object.keys(n.timings)) {
    const t = (x: Timing) => `p50 ${x.p50_ms} ms (${x.p50_ms_min}–${x.p50_ms_max}) p95 ${x.p95_ms} ms`;
    const rs = measured.ratios[name]!;
    console.log(`${name.padEnd(12)} nationale ${t(n.timings[name]!)} | petite ${t(s.timings[name]!)} | ratio ${ratio(name)} (${round(Math.min(...rs))}–${round(Math.max(...rs))})`);
  }
  console.log(`Mêmes chiffres dans les deux bases : ${sameFigures ? 'oui' : 'NON'}`);
  console.log(`ratio=${result.ratio} (médiane de ${RUNS} séries ; objectif ≤ 1,5) ${result.ratio <= 1.5 ? 'atteint' : 'NON ATTEINT'} ; génération de la base nationale : ${national.cached ? 'reprise du cache' : `${national.seconds.toFixed(1)} s`}`);
}

main();
