import ExcelJS from 'exceljs';
import type { TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeUser } from '../../support/factories.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook from rows of cells (the first row is the header), on a sheet of the given name. */
export async function workbook(rows: unknown[][], options: { sheet?: string; before?: (wb: ExcelJS.Workbook) => void } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  options.before?.(wb);
  const sheet = wb.addWorksheet(options.sheet ?? 'Données');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importWorld(t: TestApp) {
  const { department, territories } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const other = makeAssociation(t.db, [department.id]);
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  const otherLead = await makeUser(t.db, { role: 'responsable_association', associationId: other.id });
  const evaluator = await makeUser(t.db, { role: 'evaluateur', departmentId: department.id });
  const admin = await makeUser(t.db, { role: 'admin', departmentId: department.id });
  return { department, territories, association, other, lead, otherLead, evaluator, admin };
}

type Agent = Awaited<ReturnType<TestApp['loginAs']>>;
export const upload = (agent: Agent, buffer: Buffer, type = XLSX) => agent.post('/api/imports/preview').set('Content-Type', type).send(buffer);

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** GET of a file (export, template) read whole as a Buffer; the answer's headers stay on the response. */
export const downloadFile = (agent: Agent, path: string, query: Record<string, string> = {}) =>
  agent
    .get(path)
    .query(query)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
