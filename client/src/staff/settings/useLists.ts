import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';

export interface ListValue {
  id: number;
  code: string;
  label: string;
  groupLabel: string | null;
  sortOrder: number;
  retired: boolean;
  inUse: number;
}
export interface ListKindData {
  kind: 'sexe' | 'niveau_scolaire' | 'type_placement' | 'objectif' | 'modalite' | 'motif_cloture';
  label: string;
  values: ListValue[];
}
export interface Territory {
  id: number;
  name: string;
  retired: boolean;
  inUse: number;
}
export interface ListsData {
  kinds: ListKindData[];
  territories: Territory[];
  closureGroups: { code: string; label: string }[];
}

export const STATUS_LABELS: Record<string, string> = {
  candidature: 'Candidature',
  en_cours: 'En cours',
  objectif_atteint: 'Objectif atteint',
  cloture: 'Clôturé',
  abandonne: 'Abandonné',
};

/** The department's fixed lists and territories (« Paramètres figés »), as forms and filters need them. */
export function useLists() {
  const [data, setData] = useState<ListsData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api<ListsData>('/lists').then(setData, (e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  return { data, error, reload };
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
