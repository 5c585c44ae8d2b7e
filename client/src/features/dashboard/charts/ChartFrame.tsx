import { useId, type ReactNode } from 'react';
import { useT } from '../../../i18n';

export type DataTable = { columns: string[]; rows: Array<{ head: string; cells: Array<string | number> }> };

/**
 * A chart as a figure: its title and a text summary (what a reader should take from it), the legend, the
 * SVG, and the same data as a table that only assistive technology reads (visually hidden, not focusable).
 */
export function ChartFrame({ title, summary, legend, table, note, children, testId, noLinks = false }: {
  title: string;
  summary: string;
  legend?: ReactNode;
  table: DataTable;
  note?: string;
  children: ReactNode;
  testId?: string;
  /** A chart without links: on a phone, where it scrolls sideways, its frame takes the focus instead. */
  noLinks?: boolean;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <figure className="dash-chart" aria-labelledby={`${id}-title`} data-testid={testId}>
      <figcaption>
        <h3 id={`${id}-title`} className="dash-chart__title">
          {title}
        </h3>
        <p className="dash-chart__summary">{summary}</p>
      </figcaption>
      {legend}
      <div className="dash-chart__canvas" {...(noLinks ? { tabIndex: 0, role: 'group', 'aria-label': title } : {})}>
        {children}
      </div>
      {note && <p className="dash-chart__note">{note}</p>}
      {/* The wrapper hides it: a table box ignores overflow, so it would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>
            {title} — {t('dashboard.dataTable')}
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.head}>
                <th scope="row">{r.head}</th>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
