// The median number of calendar days from registration to the answer, per month of dispatch: a line with
// its values written at each point, the 30-day legal term as a dashed reference line; each point opens the
// list of the petitions answered that month.
import type { DashboardPetitions, DashboardResponse } from '../../../../shared/api/dashboard';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ChartFrame } from './charts/ChartFrame';
import { longMonth, monthTick } from './charts/format';
import { niceTicks, SvgLink } from './charts/svg';
import { listUrl } from './links';

const W = 1200;
const H = 380;
const L = 64;
const R = 24;
const TOP = 36;
const BOTTOM = 66;
const LEGAL_DAYS = 30;
const LINE = '#0072B2';

export function MedianChart({ data, scope }: { data: DashboardPetitions['answered']; scope: DashboardResponse['scope'] }) {
  const { t, lang } = useT();
  const points = data.overall;
  const department = scope.kind === 'department' ? { departmentCode: scope.departmentCode } : {};
  const medians = points.flatMap((p) => (p.medianDays === null ? [] : [p.medianDays]));
  const ticks = niceTicks(Math.max(LEGAL_DAYS + 5, ...medians), 5);
  const max = ticks.at(-1)!;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const step = (W - L - R) / Math.max(1, points.length);
  const x = (i: number) => L + step * i + step / 2;
  // The line breaks where a month had no answer.
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.medianDays === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.medianDays).toFixed(1)} `;
  });
  if (current) segments.push(current);
  const last = points.at(-1)?.medianDays;
  const summary = t('dashboard.median.summary', {
    min: medians.length ? formatNumber(Math.min(...medians), lang) : '—',
    max: medians.length ? formatNumber(Math.max(...medians), lang) : '—',
    last: last === null || last === undefined ? '—' : formatNumber(last, lang),
  });

  return (
    <ChartFrame
      testId="chart-median"
      title={t('dashboard.median.title')}
      summary={summary}
      table={{
        columns: [t('dashboard.col.month'), t('dashboard.median.col.median'), t('dashboard.median.col.answered')],
        rows: points.map((p) => ({ head: longMonth(p.month, lang), cells: [p.medianDays === null ? '—' : formatNumber(p.medianDays, lang), p.answered] })),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="dash-chart-svg" role="group" aria-label={t('dashboard.median.title')}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} className="dash-chart-grid" />
            <text x={L - 10} y={y(v)} textAnchor="end" dominantBaseline="central" className="dash-chart-tick">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <text x={8} y={18} className="dash-chart-axis-title">
          {t('dashboard.median.axis')}
        </text>
        <line x1={L} x2={W - R} y1={y(LEGAL_DAYS)} y2={y(LEGAL_DAYS)} className="dash-chart-reference" />
        {/* The reference line's key, above the plot, where no point can hide it. */}
        <line x1={W - R - 330} x2={W - R - 290} y1={13} y2={13} className="dash-chart-reference" />
        <text x={W - R - 280} y={18} className="dash-chart-reference-label">
          {t('dashboard.median.legal')}
        </text>
        {segments.map((d) => (
          <path key={d} d={d} fill="none" stroke={LINE} strokeWidth={4} strokeLinejoin="round" />
        ))}
        {points.map((p, i) => (
          <g key={p.month}>
            <MonthTick x={x(i)} y={H - BOTTOM + 26} month={p.month} first={i === 0} />
            {p.medianDays !== null && (
              <SvgLink
                to={listUrl({ ...department, answeredFrom: data.months[i]!.from, answeredTo: data.months[i]!.to })}
                label={t('dashboard.median.point', { month: longMonth(p.month, lang), days: formatNumber(p.medianDays, lang), answered: p.answered })}
              >
                <circle cx={x(i)} cy={y(p.medianDays)} r={9} fill="#ffffff" stroke={LINE} strokeWidth={4} className="dash-chart-point" />
              </SvgLink>
            )}
            {p.medianDays !== null && (
              <text x={x(i)} y={y(p.medianDays) - 18} textAnchor="middle" className="dash-chart-value dash-chart-passive" aria-hidden="true">
                {formatNumber(p.medianDays, lang)}
              </text>
            )}
          </g>
        ))}
        <line x1={L} x2={W - R} y1={y(0)} y2={y(0)} className="dash-chart-axis" />
      </svg>
    </ChartFrame>
  );
}

function MonthTick({ x, y, month, first }: { x: number; y: number; month: string; first: boolean }) {
  const { lang } = useT();
  const tick = monthTick(month, lang, first);
  return (
    <text x={x} y={y} textAnchor="middle" className="dash-chart-tick">
      {tick.name}
      {tick.year && (
        <tspan x={x} dy={20}>
          {tick.year}
        </tspan>
      )}
    </text>
  );
}
