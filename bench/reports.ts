/**
 * Reports benchmark: does a report's cost follow the department's data, not the size of the database?
 *
 * Builds (seeded, deterministic) a national-scale SQLite — 100 departments × 10 associations × 10,000
 * mentorships over 10 years (1,000,000 mentorships, ~1.8 M links, ~1.7 M responses, ~8 M indicator values) —
 * and a small one holding only one of those departments, generated from the same seed so its rows are the same.
 * Then times the value-chain, dashboard and year-over-year reports for that department-year in both, calling
 * the domain functions directly (no HTTP: the HTTP layer costs the same in both and would only add noise).
 *
 * Generation uses raw prepared INSERTs in one transaction per department (the domain functions would take
 * hours); the files are cached under /tmp, keyed by a version string and the migrations, so reruns are fast.
 * Output: bench/results/reports.json and a summary on stdout.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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

const VERSION = 'reports-bench-v1';
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
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 25);
const NOW_MS = Date.parse(`${TODAY}T12:00:00Z`);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsKey = createHash('sha256').update(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort().join(',')).digest('hex').slice(0, 10);
const cacheKey = `${VERSION}-${DEPARTMENTS}x${MENTORSHIPS_PER_DEPARTMENT}-${migrationsKey}`;
const nationalPath = `/tmp/impact-bench-${cacheKey}-national.db`;
const smallPath = `/tmp/impact-bench-${cacheKey}-small.db`;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

interface Statements {
  association: import('better-sqlite3').Statement;
  partner: import('better-sqlite3').Statement;
  mentor: import('better-sqlite3').Statement;
  version: import('better-sqlite3').Statement;
  young: import('better-sqlite3').Statement;
  mentorship: import('better-sqlite3').Statement;
  link: import('better-sqlite3').Statement;
  response: import('better-sqlite3').Statement;
  value: import('better-sqlite3').Statement;
  declaration: import('better-sqlite3').Statement;
}

function prepare(o: OpenedDatabase): Statements {
  const s = o.sqlite;
  return {
    association: s.prepare('INSERT INTO associations (name, created_at) VALUES (?, ?)'),
    partner: s.prepare('INSERT INTO department_associations (department_id, association_id, created_at) VALUES (?, ?, ?)'),
    mentor: s.prepare('INSERT INTO mentors (association_id, reference, trained_on, created_at) VALUES (?, ?, ?, ?)'),
    version: s.prepare(
      'INSERT INTO questionnaire_versions (department_id, audience, hash, survey_json, notice_json, indicator_ids, created_at, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    young: s.prepare(
      'INSERT INTO young_people (department_id, association_id, reference, sex, birth_month, school_level, placement_type, territory_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    mentorship: s.prepare(
      `INSERT INTO mentorships (department_id, association_id, reference, young_person_id, mentor_id, applied_on, matched_on, started_on, ended_on, status, objective, modality, is_renewal, closure_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    link: s.prepare(
      'INSERT INTO links (public_id, token_hash, mentorship_id, audience, questionnaire_version_id, state, expires_at, created_at, used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    response: s.prepare(
      "INSERT INTO responses (link_id, mentorship_id, questionnaire_version_id, audience, declined, answers_json, submitted_at) VALUES (?, ?, ?, ?, ?, '{}', ?)",
    ),
    value: s.prepare(
      'INSERT INTO indicator_values (response_id, mentorship_id, department_id, association_id, year, audience, indicator_id, dimension, value, value_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    declaration: s.prepare(
      "INSERT INTO declarations (department_id, association_id, year, state, content, submitted_at, updated_at) VALUES (?, ?, ?, 'soumise', ?, ?, ?)",
    ),
  };
}

const KEY_INDICATORS = ['realisations.frequence', 'realisations.assiduite', 'resultats.objectif_atteint', 'impact.confiance', 'impact.notes'];
const youthSurvey = JSON.stringify(composeQuestionnaire({ audience: 'youth', indicatorIds: KEY_INDICATORS, contact: 'mentorat@exemple.fr' } as never).survey);
const mentorSurvey = JSON.stringify(composeQuestionnaire({ audience: 'mentor', indicatorIds: KEY_INDICATORS, contact: 'mentorat@exemple.fr' } as never).survey);

const FREQ = [['plusieurs_par_semaine', 8], ['chaque_semaine', 4], ['deux_par_mois', 2], ['une_par_mois', 1], ['moins', 0.5]] as const;
const REACHED = [['oui', 1], ['en_partie', 0.5], ['non', 0]] as const;

/** One department's rows, from its own seeded generator: the same in the national and the small database. */
function generateDepartment(o: OpenedDatabase, st: Statements, position: number, counters: Record<string, number>) {
  const random: Random = seededRandom(1_000 + position);
  const { department, territories } = createDepartment(o.db, { code: `B${String(position).padStart(3, '0')}`, name: `Département ${position}`, now: new Date(NOW_MS) });
  const d = department.id;
  const versions = {
    youth: Number(st.version.run(d, 'youth', `bench-youth-${d}`, youthSurvey, '{"title":"","paragraphs":[]}', JSON.stringify(KEY_INDICATORS), NOW_MS, NOW_MS).lastInsertRowid),
    mentor: Number(st.version.run(d, 'mentor', `bench-mentor-${d}`, mentorSurvey, '{"title":"","paragraphs":[]}', JSON.stringify(KEY_INDICATORS), NOW_MS, NOW_MS).lastInsertRowid),
  };
  const assocs: { id: number; mentors: number[] }[] = [];
  for (let a = 0; a < ASSOCIATIONS_PER_DEPARTMENT; a++) {
    const id = Number(st.association.run(`Association ${position}-${a + 1}`, NOW_MS).lastInsertRowid);
    st.partner.run(d, id, NOW_MS);
    const mentors: number[] = [];
    for (let m = 0; m < MENTORS_PER_ASSOCIATION; m++) {
      const trained = random.chance(0.85) ? `${FIRST_YEAR + random.int(0, YEARS - 1)}-${String(random.int(1, 12)).padStart(2, '0')}-15` : null;
      mentors.push(Number(st.mentor.run(id, `M${m}`, trained, NOW_MS).lastInsertRowid));
    }
    assocs.push({ id, mentors });
    for (let y = FIRST_YEAR; y < FIRST_YEAR + YEARS; y++) {
      const scale = 1 + random.next();
      st.declaration.run(
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
  const reasons = {
    objectif_atteint: DEFAULT_LISTS.motif_cloture.filter((r) => r.groupLabel === 'atteint').map((r) => r.code),
    cloture: DEFAULT_LISTS.motif_cloture.filter((r) => r.groupLabel !== 'atteint').map((r) => r.code),
    abandonne: DEFAULT_LISTS.motif_cloture.filter((r) => r.groupLabel === 'binome').map((r) => r.code),
  };
  const schoolLevels = DEFAULT_LISTS.niveau_scolaire.map((l) => l.code);
  const placements = DEFAULT_LISTS.type_placement.map((l) => l.code);
  const objectives = DEFAULT_LISTS.objectif.map((l) => l.code);
  const modalities = DEFAULT_LISTS.modalite.map((l) => l.code);
  for (let i = 0; i < MENTORSHIPS_PER_DEPARTMENT; i++) {
    const assoc = assocs[i % ASSOCIATIONS_PER_DEPARTMENT]!;
    const year = FIRST_YEAR + Math.floor((i * YEARS) / MENTORSHIPS_PER_DEPARTMENT);
    const applied = Date.parse(`${year}-01-01`) + random.int(0, 330) * DAY;
    const matched = applied + random.int(10, 75) * DAY;
    const started = matched + random.int(3, 20) * DAY;
    const ended = started + random.int(120, 400) * DAY;
    const isEnded = iso(ended) < TODAY;
    const status = isEnded ? random.weighted([['objectif_atteint', 5], ['cloture', 3], ['abandonne', 2]] as const) : 'en_cours';
    const age = random.int(10, 21);
    const ref = `J${i}`;
    const youngId = Number(
      st.young.run(d, assoc.id, ref, random.weighted([['F', 5], ['H', 5], ['NP', 0.3]] as const), `${year - age}-${String(random.int(1, 12)).padStart(2, '0')}`, random.pick(schoolLevels), random.pick(placements), random.pick(territories).id, NOW_MS)
        .lastInsertRowid,
    );
    const mentorshipId = Number(
      st.mentorship.run(
        d,
        assoc.id,
        ref,
        youngId,
        random.pick(assoc.mentors),
        iso(applied),
        iso(matched),
        iso(started),
        isEnded ? iso(ended) : null,
        status,
        random.pick(objectives),
        random.pick(modalities),
        random.chance(0.12) ? 1 : 0,
        isEnded ? random.pick(reasons[status as keyof typeof reasons]) : null,
        NOW_MS,
        NOW_MS,
      ).lastInsertRowid,
    );
    counters.mentorships!++;
    if (!isEnded) continue;
    const closureYear = Number(iso(ended).slice(0, 4));
    for (const audience of ['youth', 'mentor'] as const) {
      const roll = random.next();
      const answered = roll < (audience === 'youth' ? 0.93 : 0.88);
      const refused = !answered && roll < 0.95;
      const state = answered ? 'repondu' : refused ? 'refuse' : 'ouvert';
      const linkId = Number(st.link.run(`p${mentorshipId}${audience[0]}`, `h${mentorshipId}${audience[0]}`, mentorshipId, audience, versions[audience], state, ended + 60 * DAY, ended, answered ? ended + DAY : null).lastInsertRowid);
      counters.links!++;
      if (!answered) continue;
      const responseId = Number(st.response.run(linkId, mentorshipId, versions[audience], audience, 0, ended + DAY).lastInsertRowid);
      counters.responses!++;
      const value = (indicator: string, dimension: string, v: number | null, text: string | null) => {
        st.value.run(responseId, mentorshipId, d, assoc.id, closureYear, audience, indicator, dimension, v, text);
        counters.indicatorValues!++;
      };
      const reached = random.pick(REACHED);
      value('resultats.objectif_atteint', 'atteint', reached[1], reached[0]);
      const freq = random.pick(FREQ);
      value('realisations.frequence', 'frequence', freq[1], freq[0]);
      if (audience === 'youth') {
        const before = random.int(1, 4);
        const now = Math.min(5, before + random.int(0, 2));
        value('impact.confiance', 'avant', before, null);
        value('impact.confiance', 'aujourdhui', now, null);
        value('impact.confiance', 'evolution', now - before, null);
        if (now > before) value('impact.confiance', 'grace_au_mentorat', random.chance(0.8) ? 1 : 0, null);
      } else {
        value('realisations.assiduite', 'assiduite', random.pick([1, 0.75, 0.5, 0.25]), null);
      }
    }
  }
}

function generate(path: string, positions: number[]) {
  if (existsSync(path)) {
    const meta = existsSync(`${path}.meta.json`) ? (JSON.parse(readFileSync(`${path}.meta.json`, 'utf8')) as { seconds: number }) : null;
    return { cached: true, seconds: meta?.seconds ?? 0, counters: null };
  }
  const started = performance.now();
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  const o = openDatabase(tmp);
  // Generation only: a crash just means regenerating, so durability is traded for speed here.
  o.sqlite.pragma('synchronous = OFF');
  o.sqlite.pragma('journal_mode = MEMORY');
  o.sqlite.pragma('cache_size = -262144');
  o.sqlite.pragma('foreign_keys = OFF');
  // Building the indexes once at the end is several times faster than keeping them up to date row by row.
  const indexes = o.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const index of indexes) o.sqlite.exec(`DROP INDEX "${index.name}"`);
  const st = prepare(o);
  const counters = { mentorships: 0, links: 0, responses: 0, indicatorValues: 0 };
  let lastLog = performance.now();
  for (const position of positions) {
    o.sqlite.transaction(() => generateDepartment(o, st, position, counters))();
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      console.log(`  … ${counters.mentorships.toLocaleString('fr-FR')} mentorats, ${counters.responses.toLocaleString('fr-FR')} réponses (${Math.round((performance.now() - started) / 1000)} s)`);
    }
  }
  console.log(`  index (${Math.round((performance.now() - started) / 1000)} s)…`);
  for (const index of indexes) o.sqlite.exec(index.sql);
  o.sqlite.pragma('journal_mode = WAL');
  // Sampled statistics are enough for the planner and take seconds instead of a full scan of 1.5 GB.
  o.sqlite.pragma('analysis_limit = 1000');
  o.sqlite.exec('ANALYZE');
  o.close();
  renameSync(tmp, path);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(`${path}.meta.json`, JSON.stringify({ seconds, counters, cpus: cpus().length, at: new Date().toISOString() }));
  return { cached: false, seconds, counters };
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

/** Both databases open side by side, runs interleaved, so JIT warm-up and machine noise hit both alike. */
function measureBoth(code: string) {
  const national = openFor(nationalPath, code);
  const small = openFor(smallPath, code);
  const timings = { national: {} as Record<string, { p50_ms: number; p95_ms: number }>, small: {} as Record<string, { p50_ms: number; p95_ms: number }> };
  const same: Record<string, boolean> = {};
  for (const name of Object.keys(national.reports)) {
    for (let i = 0; i < 3; i++) {
      national.reports[name]!();
      small.reports[name]!();
    }
    const tn: number[] = [];
    const ts: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      for (const [side, times] of i % 2 === 0 ? ([[national, tn], [small, ts]] as const) : ([[small, ts], [national, tn]] as const)) {
        const t0 = performance.now();
        side.reports[name]!();
        times.push(performance.now() - t0);
      }
    }
    tn.sort((a, b) => a - b);
    ts.sort((a, b) => a - b);
    timings.national[name] = { p50_ms: round(percentile(tn, 50)), p95_ms: round(percentile(tn, 95)) };
    timings.small[name] = { p50_ms: round(percentile(ts, 50)), p95_ms: round(percentile(ts, 95)) };
    same[name] = fingerprint(national.reports[name]!()) === fingerprint(small.reports[name]!());
  }
  const plans = national.plans;
  national.o.close();
  small.o.close();
  return { timings, same, plans };
}

const round = (v: number) => Math.round(v * 100) / 100;

function main() {
  console.log(`Benchmark des rapports (${cacheKey})`);
  const positions = Array.from({ length: DEPARTMENTS }, (_, i) => i + 1);
  console.log(`Base nationale : ${nationalPath}`);
  const national = generate(nationalPath, positions);
  console.log(national.cached ? '  (reprise du fichier en cache)' : `  générée en ${national.seconds.toFixed(1)} s`);
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
  const ratio = (name: string) => round(n.timings[name]!.p50_ms / Math.max(0.01, s.timings[name]!.p50_ms));
  const result = {
    generated_at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? 'inconnu', memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version },
    method: 'fonctions de domaine appelées directement (sans HTTP), même département-année dans les deux bases',
    department_year: { department: code, year: YEAR, mentorships_in_department: MENTORSHIPS_PER_DEPARTMENT },
    national: { ...counts, file_mb: Math.round(statSync(nationalPath).size / 2 ** 20), generation_s: national.seconds ? round(national.seconds) : null, generation_cached: national.cached, timings: n.timings },
    small: { mentorships: MENTORSHIPS_PER_DEPARTMENT, file_mb: Math.round(statSync(smallPath).size / 2 ** 20), timings: s.timings },
    national_p50_ms: n.timings.value_chain!.p50_ms,
    small_p50_ms: s.timings.value_chain!.p50_ms,
    ratio: ratio('value_chain'),
    dashboard_ratio: ratio('dashboard'),
    evolution_ratio: ratio('evolution'),
    goal_ratio_max: 1.5,
    same_figures_in_both: sameFigures,
    query_plans: n.plans,
    iterations: ITERATIONS,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/reports.json'), JSON.stringify(result, null, 2) + '\n');
  console.log('');
  console.log(`Base nationale : ${counts.mentorships.toLocaleString('fr-FR')} mentorats, ${counts.responses.toLocaleString('fr-FR')} réponses, ${counts.indicator_values.toLocaleString('fr-FR')} valeurs d'indicateurs, ${counts.departments} départements`);
  for (const name of Object.keys(n.timings)) {
    console.log(`${name.padEnd(12)} nationale p50 ${n.timings[name]!.p50_ms} ms p95 ${n.timings[name]!.p95_ms} ms | petite p50 ${s.timings[name]!.p50_ms} ms p95 ${s.timings[name]!.p95_ms} ms | ratio ${ratio(name)}`);
  }
  console.log(`Mêmes chiffres dans les deux bases : ${sameFigures ? 'oui' : 'NON'}`);
  console.log(`ratio=${result.ratio} (objectif ≤ 1,5) ${result.ratio <= 1.5 ? 'atteint' : 'NON ATTEINT'}`);
}

main();
