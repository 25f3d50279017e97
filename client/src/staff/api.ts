import createClient, { type ClientPathsWithMethod, type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import { QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../api/schema';

/**
 * The staff client's only way to the API: typed by the OpenAPI document the route table generates
 * (client/src/api/schema.d.ts, `npm run api:types`), so a page reading a field the server no longer sends fails the
 * typecheck. Errors carry the server's French message and its per-field issues.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export interface FieldIssue {
  field: string | null;
  message: string;
}

export const client = createClient<paths>({ credentials: 'same-origin' });

type ErrorLike = { error?: { code?: string; message?: string; details?: { issues?: FieldIssue[] } } } | string | undefined;

/** The data of an answer, or an ApiError with the server's French message (`{ error: { message } }`). */
export async function ok<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  const body = (typeof error === 'object' ? error : undefined) as ErrorLike;
  const detail = typeof body === 'object' ? body.error : undefined;
  throw new ApiError(response.status, detail?.code ?? 'ERREUR', detail?.message ?? `Erreur ${response.status}`, detail?.details?.issues ?? []);
}

type GetPath = ClientPathsWithMethod<typeof client, 'get'>;
type GetInit<P extends GetPath> = MaybeOptionalInit<paths[P], 'get'>;
/** What a GET route answers, from the generated types: `ApiData<'/api/lists'>`. */
export type ApiData<P extends GetPath> = NonNullable<FetchResponse<paths[P]['get'], object, `${string}/${string}`>['data']>;
/** What a route takes as JSON body: `ApiBody<'/api/indicators/selection', 'put'>`. */
export type ApiBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** What any route answers: `ApiResult<'/api/mentorships/{id}/close', 'post'>`. */
export type ApiResult<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete'> = NonNullable<
  FetchResponse<paths[P][M] & Record<string, unknown>, object, `${string}/${string}`>['data']
>;

/**
 * TanStack Query options for a GET route: `useQuery(apiQuery('/api/mentorships', { params: { query } }))`.
 * The key starts with the path, so `invalidateQueries({ queryKey: ['/api/mentorships'] })` refreshes every variant.
 */
export function apiQuery<P extends GetPath>(path: P, ...[init]: undefined extends GetInit<P> ? [GetInit<P>?] : [GetInit<P>]) {
  const params = (init as { params?: unknown } | undefined)?.params;
  return queryOptions({
    queryKey: [path, params ?? {}] as const,
    queryFn: ({ signal }) => ok(client.GET(path, { ...(init as object), signal } as never)) as Promise<ApiData<P>>,
  });
}

/**
 * A write: on success every cached answer is marked stale (and the visible ones refetched), because a write may
 * change any count (closing a mentorship changes the registry, the dashboard and the response rates).
 */
export function useApiMutation<V, R>(mutationFn: (variables: V) => Promise<R>, options: { onSuccess?: (result: R, variables: V) => unknown } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, variables) => {
      await options.onSuccess?.(result, variables);
      await queryClient.invalidateQueries();
    },
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (4xx) says the same thing again: only network or server failures are retried, once.
        retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
        // Shown at once from the cache, then refetched on each visit: another tab or a colleague may have written.
        staleTime: 0,
      },
    },
  });
}

/** A write whose refusal is shown rather than thrown: `settle(ok(client.PATCH(…)))` → `{ ok, data }` or `{ ok: false, message, issues }`. */
export async function settle<T>(request: Promise<T>): Promise<{ ok: true; data: T } | { ok: false; message: string; issues: FieldIssue[] }> {
  try {
    return { ok: true, data: await request };
  } catch (e) {
    return { ok: false, message: (e as Error).message, issues: e instanceof ApiError ? e.issues : [] };
  }
}

export type Me = ApiData<'/api/session'>;
