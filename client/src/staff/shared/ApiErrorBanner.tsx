import type { ReactNode } from 'react';

/** The one place a failed request is shown: the server's French message (ApiError), announced to screen readers. */
export function ApiErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/**
 * A query's three states in one line: `<QueryState query={q}>{(data) => …}</QueryState>` shows the French error, or
 * « Chargement… », or the data.
 */
export function QueryState<T>({ query, children }: { query: { data: T | undefined; error: unknown }; children: (data: T) => ReactNode }) {
  if (query.error) return <ApiErrorBanner error={query.error} />;
  if (query.data === undefined) return <p role="status">Chargement…</p>;
  return <>{children(query.data)}</>;
}
