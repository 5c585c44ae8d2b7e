// Answered in time (%), per department and month: a grid chart, one row per department (and one for all),
// one column per month; each cell says its percentage in words and opens the list of that department's
// petitions answered that month. The fill's four classes only repeat what the number says.
import type { DashboardPetitions } from '../../../../shared/api/dashboard';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ChartFrame } from './charts/ChartFrame';
import { longMonth, monthTick } from './charts/format';
import { IN_TIME_CLASSES, inTimeClass } from './charts/palette';
import { inkOn, Legend, OUTLINE, SvgLink, type Series } from './charts/svg';
import { listUrl } from './links';

const W = 1200;
const LABEL = 130;
const HEAD = 62;
const ROW = 42;

type Rate = { answered: number; inTime: number; share: number | null };

export function InTimeChart({ data }: { data: DashboardPetitions['answered'] }) {
  const { t, lang } = useT();
  const months = data.months;
  const all = t('dashboard.inTime.all');
  const rows: Array<{ code: string | null | undefined; label: string; months: Rate[]; total: Rate }> = data.departments.map((d) => ({
    code: d.code,
    label: d.code ?? t('dashboard.noDepartment'),
    months: d.months,
    total: d.total,
  }));
  if (rows.length > 1 || rows.length === 0) {
    const sum = data.overall.reduce((s, m) => ({ answered: s.answered + m.answered, inTime: s.inTime + m.inTime }), { answered: 0, inTime: 0 });
    rows.push({ code: undefined, label: all, months: data.overall, total: { ...sum, share: sum.answered ? Math.round((sum.inTime / sum.answered) * 1000) / 10 : null } });
  }
  const cell = (W - LABEL - 8) / Math.max(1, months.length);
  const height = HEAD + rows.length * ROW + 8;
  const overall = rows.at(-1)!.total;
  const worst = rows
    .filter((r) => r.code !== undefined && r.total.share !== null && r.total.answered >= 5)
    .sort((a, b) => a.total.share! - b.total.share!)[0];
  const summary =
    overall.answered === 0
      ? t('dashboard.inTime.summary.none')
      : t('dashboard.inTime.summary', {
          months: months.length,
          answered: formatNumber(overall.answered, lang),
          inTime: formatNumber(overall.inTime, lang),
          share: formatNumber(overall.share ?? 0, lang),
          worst: worst ? `${worst.label} (${formatNumber(worst.total.share!, lang)}%)` : '—',
        });
  const legend: Series[] = IN_TIME_CLASSES.map((c) => ({ key: String(c.min), label: c.label, colour: c.colour, pattern: 'solid', ink: '#000' }));

  return (
    <ChartFrame
      testId="chart-in-time"
      title={t('dashboard.inTime.title')}
      summary={summary}
      note={t('dashboard.inTime.note')}
      legend={<Legend series={legend} label={t('dashboard.inTime.legend')} />}
      table={{
        columns: [t('dashboard.inTime.col.department'), ...months.map((m) => longMonth(m.month, lang))],
        rows: rows.map((r) => ({ head: r.label, cells: r.months.map((m) => (m.share === null ? '—' : `${formatNumber(m.share, lang)}% (${m.inTime}/${m.answered})`)) })),
      }}
    >
      <svg viewBox={`0 0 ${W} ${height}`} className="dash-chart-svg" role="group" aria-label={t('dashboard.inTime.title')}>
        {months.map((m, j) => {
          const tick = monthTick(m.month, lang, j === 0);
          return (
            <text key={m.month} x={LABEL + cell * j + cell / 2} y={HEAD - (tick.year ? 32 : 12)} textAnchor="middle" className="dash-chart-tick">
              {tick.name}
              {tick.year && (
                <tspan x={LABEL + cell * j + cell / 2} dy={20}>
                  {tick.year}
                </tspan>
              )}
            </text>
          );
        })}
        {rows.map((r, i) => {
          const y = HEAD + i * ROW;
          return (
            <g key={r.label}>
              <text x={LABEL - 12} y={y + ROW / 2} textAnchor="end" dominantBaseline="central" className={r.code === undefined ? 'dash-chart-label dash-chart-label--strong' : 'dash-chart-label'}>
                {r.label}
              </text>
              {r.months.map((m, j) => {
                const month = months[j]!;
                const x = LABEL + cell * j;
                if (m.share === null) {
                  return (
                    <g key={month.month}>
                      <rect x={x + 2} y={y + 2} width={cell - 4} height={ROW - 4} fill="#ffffff" stroke="#9ca3af" strokeWidth={1} />
                      <text x={x + cell / 2} y={y + ROW / 2} textAnchor="middle" dominantBaseline="central" className="dash-chart-cell dash-chart-cell--empty">
                        –
                      </text>
                    </g>
                  );
                }
                const colour = inTimeClass(m.share).colour;
                const label = t('dashboard.inTime.cell', { department: r.label, month: longMonth(month.month, lang), share: formatNumber(m.share, lang), inTime: m.inTime, answered: m.answered });
                return (
                  <g key={month.month}>
                    <SvgLink to={listUrl({ departmentCode: r.code, answeredFrom: month.from, answeredTo: month.to })} label={label}>
                      <rect x={x + 2} y={y + 2} width={cell - 4} height={ROW - 4} fill={colour} stroke={OUTLINE} strokeWidth={1} className="dash-chart-bar" />
                    </SvgLink>
                    <text x={x + cell / 2} y={y + ROW / 2} textAnchor="middle" dominantBaseline="central" className="dash-chart-cell dash-chart-passive" fill={inkOn(colour)} aria-hidden="true">
                      {Math.round(m.share)}%
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
