/** Thin fetch wrapper: JSON in and out, French error messages from the server's `{ error: { message } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; query?: Record<string, string | number | undefined> } = {}): Promise<T> {
  const query = init.query
    ? '?' + new URLSearchParams(Object.entries(init.query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString()
    : '';
  const res = await fetch(`/api${path}${query}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'ERREUR', body?.error?.message ?? `Erreur ${res.status}`);
  return body as T;
}

export interface Me {
  email: string;
  displayName: string;
  role: 'admin' | 'evaluateur' | 'responsable_association';
  department: { id: number; name: string };
  association: { id: number; name: string } | null;
}
