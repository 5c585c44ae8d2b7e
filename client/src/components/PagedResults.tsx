// The frame of a list loaded page by page (TanStack Query's useInfiniteQuery): "loading", the first page's
// error with a retry, the results line (a live region), the list itself, a failed next page, "load more".
// The staff queues, the search, the sent notices and the read log all show their lists this way.
import type { ReactNode } from 'react';
import { useT } from '../i18n';

type PagedQuery = {
  isPending: boolean;
  isError: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  data: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  refetch: () => unknown;
  fetchNextPage: () => unknown;
};

type Props = {
  query: PagedQuery;
  /** The error, in words, for a failed page. */
  describeError: (error: unknown) => string;
  /** The first page's failure, when it says more than describeError; `retry: false` when trying again cannot help. */
  firstPageError?: (error: unknown) => { text: string; retry: boolean };
  /** The results line: how many, or why none. */
  count: ReactNode;
  countTestId: string;
  moreLabel: string;
  /** False while there is nothing to ask for yet (no "loading" then). */
  enabled?: boolean;
  /** The list, and whatever goes between the results line and the paging. */
  children: ReactNode;
};

export function PagedResults({ query, describeError, firstPageError, count, countTestId, moreLabel, enabled = true, children }: Props) {
  const { t } = useT();
  const first = query.isError && !query.isFetchNextPageError ? (firstPageError?.(query.error) ?? { text: describeError(query.error), retry: true }) : null;
  return (
    <>
      {enabled && query.isPending && <p role="status">{t('common.loading')}</p>}
      {first && (
        <div className="notice notice--error" role="alert">
          <p>{first.text}</p>
          {first.retry && (
            <button type="button" className="button button--secondary" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {Boolean(query.data) && (
        <>
          <p className="results-count" role="status" data-testid={countTestId}>
            {count}
          </p>
          {children}
          {query.isFetchNextPageError && (
            <p className="notice notice--error" role="alert">
              {describeError(query.error)}
            </p>
          )}
          {query.hasNextPage && (
            <p className="actions">
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={query.isFetchingNextPage || undefined}
                onClick={() => {
                  if (!query.isFetchingNextPage) void query.fetchNextPage();
                }}
              >
                {query.isFetchingNextPage ? t('common.loading') : moreLabel}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
