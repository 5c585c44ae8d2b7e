import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../../i18n';
import { hasNavigated } from '../../../router';

type Props = { title: string; heading?: ReactNode; children: ReactNode; /** Above the heading: a back link. */ before?: ReactNode };

/** A staff page: its document title and its single <h1>, focused after an in-app navigation (like Page). */
export function StaffPage({ title, heading, children, before }: Props) {
  const { t } = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} — ${t('staff.titleSuffix')}`;
  }, [title, t]);

  useEffect(() => {
    if (hasNavigated()) headingRef.current?.focus();
  }, []);

  return (
    <>
      {before}
      <h1 ref={headingRef} tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
