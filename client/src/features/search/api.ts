// Staff search (issue 6 §4): GET /api/search?q=&cursor=, the results filtered by the user's access.
import { useInfiniteQuery } from '@tanstack/react-query';
import { searchResponseSchema } from '../../../../shared/api/search';
import { apiRequest } from '../../lib/api-client';

export function fetchSearch(q: string, cursor: string | undefined, signal?: AbortSignal) {
  const query = new URLSearchParams({ q });
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/api/search?${query}`, searchResponseSchema, { signal });
}

export function useSearch(q: string) {
  return useInfiniteQuery({
    queryKey: ['search', q] as const,
    queryFn: ({ pageParam, signal }) => fetchSearch(q, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.length > 0,
  });
}
