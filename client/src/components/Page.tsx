import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n';
import { hasNavigated } from '../router';

type Props = { title: string; heading?: ReactNode; children: ReactNode };

/** One page: its document title and its single <h1>, which takes the focus after an in-app navigation. */
export function Page({ title, heading, children }: Props) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — ${t('site.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    // Screen reader users hear the new page's title instead of silence after clicking a link.
    if (hasNavigated()) headingRef.current?.focus();
  }, []);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
