// Petitions received per week, stacked by channel: one column per Monday-based week, its total above it;
// each segment opens the list of that week's petitions of that channel.
import type { DashboardPetitions } from '../../../../shared/api/dashboard';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ChartFrame } from './charts/ChartFrame';
import { shortDay } from './charts/format';
import { CHANNEL_COLOURS } from './charts/palette';
import { Legend, niceTicks, OUTLINE, SvgLink, usePatterns, type Series } from './charts/svg';
import { listUrl } from './links';

const W = 1200;
const H = 430;
const L = 64;
const R = 16;
const TOP = 28;
const BOTTOM = 56;

export function WeeklyChart({ data }: { data: DashboardPetitions['receivedByWeek'] }) {
  const { t, lang } = useT();
  const series: Series[] = data.channels.map((c) => ({ key: c, label: t(`channel.${c}`), ...CHANNEL_COLOURS[c] }));
  const { defs, fill } = usePatterns(series);
  const weeks = data.weeks;
  const ticks = niceTicks(Math.max(1, ...weeks.map((w) => w.total)), 5);
  const max = ticks.at(-1)!;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const band = (W - L - R) / Math.max(1, weeks.length);
  const barW = Math.min(56, band * 0.72);
  const labelEvery = Math.ceil(weeks.length / 13);

  const total = weeks.reduce((s, w) => s + w.total, 0);
  const peak = weeks.reduce((a, b) => (b.total > a.total ? b : a), weeks[0]!);
  const byChannel = data.channels.map((c) => ({ c, n: weeks.reduce((s, w) => s + (w.byChannel[c] ?? 0), 0) })).sort((a, b) => b.n - a.n)[0]!;
  const summary = t('dashboard.weekly.summary', {
    total: formatNumber(total, lang),
    weeks: weeks.length,
    from: formatDate(data.from, lang),
    to: formatDate(data.to, lang),
    average: formatNumber(Math.round((total / Math.max(1, weeks.length)) * 10) / 10, lang),
    peak: formatDate(peak.weekStart, lang),
    peakN: peak.total,
    channel: t(`channel.${byChannel.c}`),
    share: total ? Math.round((byChannel.n / total) * 100) : 0,
  });

  return (
    <ChartFrame
      testId="chart-weekly"
      title={t('dashboard.weekly.title')}
      summary={summary}
      legend={<Legend series={series} label={t('dashboard.weekly.title')} />}
      table={{
        columns: [t('dashboard.weekly.col.week'), ...series.map((s) => s.label), t('dashboard.weekly.col.total')],
        rows: weeks.map((w) => ({ head: `${formatDate(w.from, lang)} – ${formatDate(w.to, lang)}`, cells: [...data.channels.map((c) => w.byChannel[c] ?? 0), w.total] })),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="dash-chart-svg" role="group" aria-label={t('dashboard.weekly.title')}>
        {defs}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} className="dash-chart-grid" />
            <text x={L - 10} y={y(v)} textAnchor="end" dominantBaseline="central" className="dash-chart-tick">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        <text x={8} y={14} className="dash-chart-axis-title">
          {t('dashboard.axis.petitions')}
        </text>
        {weeks.map((w, i) => {
          const cx = L + band * i + band / 2;
          let acc = 0;
          return (
            <g key={w.weekStart}>
              {data.channels.map((c) => {
                const n = w.byChannel[c] ?? 0;
                if (n === 0) return null;
                const top = y(acc + n);
                const bottom = y(acc);
                acc += n;
                const label = t('dashboard.weekly.bar', { week: formatDate(w.from, lang), channel: t(`channel.${c}`), n });
                return (
                  <SvgLink key={c} to={listUrl({ channel: c, registeredFrom: w.from, registeredTo: w.to })} label={label}>
                    <rect x={cx - barW / 2} y={top} width={barW} height={Math.max(bottom - top, 1)} fill={fill(c)} stroke={OUTLINE} strokeWidth={1.2} className="dash-chart-bar" data-channel={c} />
                  </SvgLink>
                );
              })}
              {w.total > 0 && (
                <text x={cx} y={y(w.total) - 7} textAnchor="middle" className="dash-chart-value dash-chart-value--small">
                  {w.total}
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={cx} y={H - BOTTOM + 24} textAnchor="middle" className="dash-chart-tick">
                  {shortDay(w.weekStart, lang)}
                </text>
              )}
            </g>
          );
        })}
        <line x1={L} x2={W - R} y1={y(0)} y2={y(0)} className="dash-chart-axis" />
      </svg>
    </ChartFrame>
  );
}
