import type { MouseEvent, Ref } from 'react';

export type SummaryItem = { fieldId?: string | undefined; message: string };

type Props = { title: string; items: SummaryItem[]; ref?: Ref<HTMLDivElement> };

/** The list of problems at the top of a form; each links to its field. Focused by the form after a failed submit. */
export function ErrorSummary({ title, items, ref }: Props) {
  if (items.length === 0) return null;

  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault(); // the router ignores fragments; move the focus ourselves
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };

  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {items.map((item, i) => (
          <li key={`${item.fieldId ?? 'general'}-${i}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(e) => focusField(e, item.fieldId ?? '')}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
