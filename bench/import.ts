/**
 * Import benchmark: a seeded 10,000-row steering table is imported (preview + confirm, into a fresh temporary
 * SQLite) and timed against a plain exceljs read of the same file. Goals: ratio ≤ 3, peak RSS ≤ 400 MB.
 * Writes bench/results/import.json. Run: npm run bench:import
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { associations, departmentAssociations, users } from '../db/schema/index.ts';
import { openDatabase } from '../db/open.ts';
import { seededRandom } from '../db/seed/random.ts';
import { testConfig } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import type { StaffContext } from '../server/context.ts';
import { createDepartment } from '../server/settings/create-department.ts';
import { confirmImport, previewImport } from '../server/imports/import.ts';
import { median, QUICK, RUNS, spread } from './support/stats.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? (QUICK ? 2000 : 10_000));
const NOW = new Date('2026-11-26T12:00:00Z');

let peakRss = process.memoryUsage().rss;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 5);

/** The kind of file an association keeps: names (ignored), text and typed dates, labels as people type them. */
async function generate(rows: number): Promise<Buffer> {
  const random = seededRandom(20261126);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Données');
  sheet.addRow(['Nom', 'Prénom', 'Référence', 'Sexe', 'Date de naissance', 'Âge', 'Niveau scolaire', 'Groupe niveau scolaire', 'Type de placement', 'Territoire', 'Statut', 'Mentor', 'Date de candidature', 'Date de mise en relation', 'Date de début', 'Date de fin', 'Objectif', 'Modalité', 'Renouvellement', 'Motif de clôture']);
  const levels: [string, string][] = [['Sixième', 'Collège'], ['4e', 'Collège'], ['Seconde', 'Lycée'], ['Terminale', 'Lycée'], ['CM2', 'Primaire'], ['Post-bac', 'Post-bac']];
  const day = (base: number, plus: number) => new Date(base + plus * 86_400_000);
  const text = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  for (let i = 0; i < rows; i++) {
    const [level, group] = random.pick(levels);
    const applied = Date.UTC(2024, 0, 1) + random.int(0, 600) * 86_400_000;
    const matched = day(applied, random.int(5, 60));
    const started = day(matched.getTime(), random.int(1, 20));
    const ended = random.chance(0.4) ? day(started.getTime(), random.int(60, 200)) : null;
    const status = ended ? random.pick(['Clôturé', 'Abandonné', 'Objectif atteint']) : 'En cours';
    const reason = status === 'Abandonné' ? random.pick(['Perte de contact', 'Déménagement']) : status === 'Clôturé' ? 'Fin prévue du mentorat' : status === 'Objectif atteint' ? 'Objectif atteint' : null;
    sheet.addRow([
      `Nom${i}`,
      `Prénom${i}`,
      `J-${String(i + 1).padStart(5, '0')}`,
      random.pick(['F', 'Femme', 'H', 'Homme', 'féminin']),
      random.chance(0.5) ? new Date(Date.UTC(random.int(2004, 2014), random.int(0, 11), random.int(1, 28))) : `${String(random.int(1, 28)).padStart(2, '0')}/${String(random.int(1, 12)).padStart(2, '0')}/${random.int(2004, 2014)}`,
      random.int(10, 20),
      level,
      group,
      random.pick(['MECS associatives', 'SAF en régie', 'SAF associatif', 'MNA', 'Structures BS', 'Milieu ouvert']),
      random.pick(['Territoire Nord', 'Sud', 'territoire est', 'Territoire Ouest']),
      status,
      `M-${random.int(1, 3000)}`,
      text(new Date(applied)),
      matched,
      started,
      ended,
      random.pick(['Soutien scolaire', 'Orientation académique', 'Insertion professionnelle']),
      random.pick(['Présentiel', 'Distanciel', 'Mixte']),
      random.chance(0.1) ? 'Oui' : 'Non',
      reason,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The baseline: what any import must do at least — exceljs reads the workbook and every cell. */
async function plainRead(buffer: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  let cells = 0;
  wb.worksheets[0]!.eachRow((row) => {
    row.eachCell(() => {
      cells++;
    });
  });
  return cells;
}

async function importOnce(buffer: Buffer): Promise<{ ms: number; created: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'impact-bench-import-'));
  const database = openDatabase(join(dir, 'bench.db'));
  try {
    const { department } = createDepartment(database.db, { code: 'BENCH', name: 'Département du banc', now: NOW });
    const association = database.db.insert(associations).values({ name: 'Association du banc', createdAt: NOW }).returning().get();
    database.db.insert(departmentAssociations).values({ departmentId: department.id, associationId: association.id, createdAt: NOW }).run();
    const user = database.db.insert(users).values({ email: 'bench@exemple.fr', passwordHash: 'x', role: 'responsable_association', associationId: association.id, createdAt: NOW }).returning().get();
    const ctx: StaffContext = {
      db: database.db,
      sqlite: database.sqlite,
      config: testConfig(),
      logger: createLogger('silent'),
      now: () => NOW,
      actor: { userId: user.id, role: 'responsable_association', departmentId: department.id, associationId: association.id },
    };
    const start = performance.now();
    const preview = await previewImport(ctx, buffer);
    sample();
    if (!preview.canConfirm) throw new Error(`aperçu refusé : ${preview.blocking ?? preview.errors.slice(0, 3).map((e) => e.message).join(' | ')}`);
    const done = confirmImport(ctx, preview.importId);
    const ms = performance.now() - start;
    sample();
    return { ms, created: done.created };
  } finally {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}


/**
 * Each measure runs in its own Node process, so that its peak RSS is its own: generating the file and earlier
 * runs would otherwise stay in the heap (V8 rarely gives memory back) and be counted against the import.
 */
async function child(mode: 'read' | 'import', file: string): Promise<void> {
  const buffer = readFileSync(file);
  const start = performance.now();
  let created = 0;
  if (mode === 'read') await plainRead(buffer);
  else {
    const run = await importOnce(buffer);
    created = run.created;
  }
  const ms = performance.now() - start;
  clearInterval(sampler);
  sample();
  process.stdout.write(JSON.stringify({ ms, created, peak: peakRss }));
}

function measure(mode: 'read' | 'import', file: string): { ms: number; created: number; peak: number } {
  const out = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), 'measure', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`mesure ${mode} en échec : ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!);
}

if (process.argv[2] === 'measure') {
  await child(process.argv[3] as 'read' | 'import', process.argv[4]!);
} else {
  const buffer = await generate(ROWS);
  clearInterval(sampler);
  const dir = mkdtempSync(join(tmpdir(), 'impact-bench-file-'));
  const file = join(dir, 'tableau.xlsx');
  writeFileSync(file, buffer);
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, buffer);
  const reads: number[] = [];
  const imports: number[] = [];
  let created = 0;
  let importPeak = 0;
  let readPeak = 0;
  try {
    // Alternate the two measures so that neither benefits from the machine's state at a given moment.
    for (let i = 0; i < RUNS; i++) {
      const read = measure('read', file);
      reads.push(read.ms);
      readPeak = Math.max(readPeak, read.peak);
      const run = measure('import', file);
      imports.push(run.ms);
      importPeak = Math.max(importPeak, run.peak);
      created = run.created;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    rows: ROWS,
    rows_imported: created,
    file_kb: Math.round(buffer.length / 1024),
    runs: RUNS,
    quick: QUICK,
    ...spread('import_ms', imports),
    ...spread('read_ms', reads),
    ratio: Math.round((median(imports) / median(reads)) * 100) / 100,
    // Each run alternates a read and an import: its own ratio, for the spread.
    ratio_min: Math.round(Math.min(...imports.map((ms, i) => ms / reads[i]!)) * 100) / 100,
    ratio_max: Math.round(Math.max(...imports.map((ms, i) => ms / reads[i]!)) * 100) / 100,
    peak_rss_mb: Math.round(importPeak / (1024 * 1024)),
    read_peak_rss_mb: Math.round(readPeak / (1024 * 1024)),
    goals: { ratio_max: 3, peak_rss_mb_max: 400 },
    node: process.version,
    measured_at: new Date().toISOString(),
    load_average: loadavg().map((l) => Math.round(l * 10) / 10),
  };
  const out = resolve(dirname(fileURLToPath(import.meta.url)), 'results', 'import.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`import_ms=${result.import_ms} (${result.import_ms_min}–${result.import_ms_max}) read_ms=${result.read_ms} ratio=${result.ratio} (${result.ratio_min}–${result.ratio_max}) peak_rss_mb=${result.peak_rss_mb} (lecture seule : ${result.read_peak_rss_mb} Mo ; ${result.rows_imported} lignes importées, fichier ${result.file_kb} Ko)`);
  console.log(`résultats écrits dans ${out}`);
  // A quick run (BENCH_QUICK=1, small file) only checks that the bench works: its ratio is no verdict.
  if (created !== ROWS || (!QUICK && (result.ratio > 3 || result.peak_rss_mb > 400))) {
    console.error(created !== ROWS ? `attendu ${ROWS} lignes importées, obtenu ${created}` : 'objectif non atteint (ratio ≤ 3, pic de mémoire ≤ 400 Mo)');
    process.exitCode = 1;
  }
}
