import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';
import { MENTORSHIP_STATUS_LABELS } from '../../../../db/schema/labels.ts';

export type ListsData = ApiData<'/api/lists'>;
export type ListKindData = ListsData['kinds'][number];
export type ListValue = ListKindData['values'][number];
export type Territory = ListsData['territories'][number];

// Indexed by any string: a row may carry a status this client does not know yet.
export const STATUS_LABELS: Readonly<Record<string, string>> = MENTORSHIP_STATUS_LABELS;

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
