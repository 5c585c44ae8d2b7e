// The open petitions now: the big figures by clock state, and one stacked bar per department. Every figure
// and every segment opens the staff list of exactly those petitions.
import type { DashboardPetitions, DashboardResponse } from '../../../../shared/api/dashboard';
import { useT, type MessageKey } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { Link } from '../../router';
import { ChartFrame } from './charts/ChartFrame';
import { CLOCK_COLOURS } from './charts/palette';
import { Legend, niceTicks, OUTLINE, SvgLink, usePatterns, type Series } from './charts/svg';
import { listUrl } from './links';

const STATES = ['breached', 'at_risk', 'paused', 'on_time'] as const;
type State = (typeof STATES)[number];
const FIGURE_LABELS: Record<State | 'total', MessageKey> = {
  breached: 'dashboard.figure.breached',
  at_risk: 'dashboard.figure.at_risk',
  paused: 'dashboard.figure.paused',
  on_time: 'dashboard.figure.on_time',
  total: 'dashboard.figure.total',
};

export function OpenSection({ petitions, scope }: { petitions: DashboardPetitions; scope: DashboardResponse['scope'] }) {
  const { t, lang } = useT();
  const totals = petitions.open.totals;
  // A head's numbers open their department's lists; the delegate's the whole register's.
  const department = scope.kind === 'department' ? { departmentCode: scope.departmentCode } : {};
  const figures: Array<{ key: State | 'total'; n: number; to: string }> = [
    ...STATES.map((s) => ({ key: s, n: totals[s], to: listUrl({ ...department, clock: s }) })),
    { key: 'total', n: totals.total, to: listUrl({ ...department, open: true }) },
  ];
  return (
    <section aria-labelledby="open-title" className="dashboard-section">
      <h2 id="open-title">{t('dashboard.open.title')}</h2>
      <ul className="dash-figures" data-testid="open-figures">
        {figures.map((f) => (
          <li key={f.key} className={`dash-figure dash-figure--${f.key}`}>
            <Link to={f.to} data-testid={`figure-${f.key}`}>
              <span className="dash-figure__number">{formatNumber(f.n, lang)}</span>
              <span className="dash-figure__label">{t(FIGURE_LABELS[f.key])}</span>
            </Link>
          </li>
        ))}
      </ul>
      <DepartmentChart petitions={petitions} />
    </section>
  );
}

const W = 1200;
const LABEL = 210;
const ROW = 46;
const BAR = 32;
const RIGHT = 70;

function DepartmentChart({ petitions }: { petitions: DashboardPetitions }) {
  const { t, lang } = useT();
  const series: Series[] = STATES.map((s) => ({ key: s, label: t(`clock.${s}`), ...CLOCK_COLOURS[s] }));
  const { defs, fill } = usePatterns(series);
  const rows = petitions.open.departments.filter((d) => d.total > 0).sort((a, b) => b.breached - a.breached || b.total - a.total);
  const idle = petitions.open.departments.filter((d) => d.total === 0).map((d) => d.code ?? t('dashboard.noDepartment'));
  const name = (code: string | null) => code ?? t('dashboard.noDepartment');
  const ticks = niceTicks(Math.max(1, ...rows.map((r) => r.total)), 6);
  const max = ticks.at(-1)!;
  const x = (v: number) => LABEL + (v / max) * (W - LABEL - RIGHT);
  const height = rows.length * ROW + 56;
  const totals = petitions.open.totals;
  const worst = rows.filter((r) => r.breached > 0).slice(0, 3).map((r) => `${name(r.code)} (${r.breached})`).join(', ') || '—';
  const summary = totals.total === 0 ? t('dashboard.byDepartment.summary.none') : t('dashboard.byDepartment.summary', { ...totals, worst });

  return (
    <ChartFrame
      testId="chart-departments"
      title={t('dashboard.byDepartment.title')}
      summary={summary}
      legend={<Legend series={series} label={t('dashboard.byDepartment.title')} />}
      note={idle.length > 0 ? t('dashboard.byDepartment.idle', { codes: idle.join(', ') }) : undefined}
      table={{
        columns: [t('queue.col.department'), ...series.map((s) => s.label), t('dashboard.figure.total')],
        rows: rows.map((r) => ({ head: r.name ? `${name(r.code)} — ${r.name}` : name(r.code), cells: [...STATES.map((s) => r[s]), r.total] })),
      }}
    >
      <svg viewBox={`0 0 ${W} ${height}`} className="dash-chart-svg" role="group" aria-label={t('dashboard.byDepartment.title')}>
        {defs}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={8} y2={rows.length * ROW + 12} className="dash-chart-grid" />
            <text x={x(v)} y={rows.length * ROW + 34} textAnchor="middle" className="dash-chart-tick">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = 12 + i * ROW + (ROW - BAR) / 2;
          let start = 0;
          return (
            <g key={r.code ?? 'none'}>
              <text x={LABEL - 12} y={y + BAR / 2} textAnchor="end" dominantBaseline="central" className="dash-chart-label">
                {name(r.code)}
              </text>
              {STATES.map((s) => {
                const n = r[s];
                if (n === 0) return null;
                const x0 = x(start);
                start += n;
                const width = x(start) - x0;
                const label = t('dashboard.bar.cell', { department: name(r.code), state: t(`clock.${s}`), n });
                // The number sits over the bar but outside the link: the link's name says it all (WCAG 2.5.3).
                return (
                  <g key={s}>
                    <SvgLink to={listUrl({ departmentCode: r.code, clock: s })} label={label}>
                      <rect x={x0} y={y} width={width} height={BAR} fill={fill(s)} stroke={OUTLINE} strokeWidth={1.5} className="dash-chart-bar" data-state={s} />
                    </SvgLink>
                    {width >= 30 && (
                      <text x={x0 + width / 2} y={y + BAR / 2} textAnchor="middle" dominantBaseline="central" className="dash-chart-value dash-chart-value--halo dash-chart-passive" aria-hidden="true">
                        {n}
                      </text>
                    )}
                  </g>
                );
              })}
              <text x={x(r.total) + 10} y={y + BAR / 2} dominantBaseline="central" className="dash-chart-value">
                {formatNumber(r.total, lang)}
              </text>
            </g>
          );
        })}
        <text x={W - RIGHT} y={height - 4} textAnchor="end" className="dash-chart-axis-title">
          {t('dashboard.axis.petitions')}
        </text>
      </svg>
    </ChartFrame>
  );
}
