import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData, type Me } from '../../api.ts';
import { ApiErrorBanner } from '../ApiErrorBanner.tsx';
import { hiddenCountLabel, isHidden, type Cell } from './specs.ts';
import { parisYear } from '../paris-date.ts';

/** The report JSON's cell: a number, `{ suppressed: true }`, or null (nothing measured). */
export type ReportCell = Cell;

export interface ReportMeasure {
  value: ReportCell;
  n: ReportCell;
  denominator: ReportCell;
  declarations?: number;
}

export function fmt(cell: ReportCell | undefined, k: number, unit = 'nombre'): string {
  if (cell === null || cell === undefined) return '—';
  // A hidden count reads "< k"; a share, mean or amount built on one is simply "masqué".
  if (isHidden(cell)) return unit === 'nombre' ? hiddenCountLabel(cell, k) : 'masqué';
  if (unit === 'part') return `${(cell * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
  if (unit === 'euros') return `${Math.round(cell).toLocaleString('fr-FR')} €`;
  if (unit === 'duree_jours') return `${Math.round(cell).toLocaleString('fr-FR')} jours`;
  return cell.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

export function fmtChange(cell: ReportCell, k: number, unit: string): string {
  if (cell === null) return '—';
  // A change between two figures is not a count: "masquée" rather than "< k".
  if (isHidden(cell)) return 'masquée';
  const sign = cell > 0 ? '+' : cell < 0 ? '−' : '±';
  const abs = Math.abs(cell);
  return unit === 'part' ? `${sign}${(abs * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} pt` : `${sign}${abs.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}`;
}

/** "12 sur 40", "n = 40", "3 déclarations": where the figure comes from. */
export function basis(m: ReportMeasure, k: number): string {
  if (m.denominator !== null && m.denominator !== undefined) return `${fmt(m.n, k)} sur ${fmt(m.denominator, k)}`;
  if (m.n !== null && m.n !== undefined) return `n = ${fmt(m.n, k)}`;
  if (m.declarations !== undefined) return `${m.declarations} déclaration${m.declarations > 1 ? 's' : ''} soumise${m.declarations > 1 ? 's' : ''}`;
  return '';
}

export const unitOf = (m: ReportMeasure | null, unit: string) => (m && m.denominator !== null && m.denominator !== undefined ? 'part' : unit);

export function SuppressionNote({ k }: { k: number }) {
  return (
    <p className="hidden-note">
      « &lt; {k} » : effectif de 1 à {k - 1} (secret statistique). « masqué » : effectif caché, petit ou non, pour qu’aucun petit effectif ne puisse être retrouvé par différence ou par recoupement de tableaux et d’années, ou part, moyenne ou évolution calculée sur un effectif caché.
    </p>
  );
}

export function Insufficient({ message }: { message: string }) {
  return (
    <div className="insufficient" role="status">
      <p>{message}</p>
    </div>
  );
}

const thisYear = parisYear();
export const YEARS = Array.from({ length: 8 }, (_, i) => thisYear - i);

/** Year, association (department staff only) and extra filters, as one labelled form row. */
export function ReportFilters(props: {
  me: Me;
  year: number;
  onYear: (y: number) => void;
  association: number | undefined;
  onAssociation: (a: number | undefined) => void;
  associations: { id: number; name: string }[];
  children?: ReactNode;
}) {
  return (
    <div className="filters">
      <div>
        <label htmlFor="f-annee">Année</label>
        <select id="f-annee" value={props.year} onChange={(e) => props.onYear(Number(e.target.value))}>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {props.me.association === null && (
        <div>
          <label htmlFor="f-association">Association</label>
          <select id="f-association" value={props.association ?? ''} onChange={(e) => props.onAssociation(e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">Toutes les associations</option>
            {props.associations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {props.children}
    </div>
  );
}

export function csvHref(report: string, query: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams(Object.entries({ report, ...query }).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  return `/api/reports/export/csv?${q.toString()}`;
}

type ReportPath = Extract<Parameters<typeof apiQuery>[0], `/api/reports/${string}`> extends `/api${infer P}` ? P : never;

/**
 * Loads a report (TanStack Query: cached per query, refetched after a write); its type comes from the route table's
 * response schema: `useReport('/reports/dashboard', { year })`.
 */
export function useReport<P extends ReportPath>(path: P, query: Record<string, string | number | undefined>) {
  const result = useQuery(apiQuery(`/api${path}` as '/api/reports/dashboard', { params: { query: query as never } }));
  return { data: (result.data ?? null) as ApiData<`/api${P}`> | null, error: result.error?.message ?? null };
}

export function Loading({ data, error }: { data: unknown; error: string | null }) {
  if (error) return <ApiErrorBanner error={error} />;
  if (!data) return <p role="status">Chargement…</p>;
  return null;
}
