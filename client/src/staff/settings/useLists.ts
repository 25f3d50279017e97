import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';

export type ListsData = ApiData<'/api/lists'>;
export type ListKindData = ListsData['kinds'][number];
export type ListValue = ListKindData['values'][number];
export type Territory = ListsData['territories'][number];

export const STATUS_LABELS: Record<string, string> = {
  candidature: 'Candidature',
  en_cours: 'En cours',
  objectif_atteint: 'Objectif atteint',
  cloture: 'Clôturé',
  abandonne: 'Abandonné',
};

/** The department's fixed lists and territories (« Paramètres figés »), as forms and filters need them. */
export function useLists() {
  const query = useQuery(apiQuery('/api/lists'));
  const queryClient = useQueryClient();
  // A renamed or retired value shows in every list and filter: everything cached is refreshed, not only the lists.
  return { data: query.data ?? null, error: query.error ? query.error.message : null, reload: () => void queryClient.invalidateQueries() };
}

export function valuesOf(data: ListsData | null, kind: ListKindData['kind']): ListValue[] {
  return data?.kinds.find((k) => k.kind === kind)?.values ?? [];
}

export function labelOf(data: ListsData | null, kind: ListKindData['kind'], code: string | null): string {
  if (code === null) return '—';
  return valuesOf(data, kind).find((v) => v.code === code)?.label ?? code;
}

export const formatDate = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : '—');
export const formatMonth = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '—');
