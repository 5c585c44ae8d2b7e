// The call center's figures (the supervisor's GET /api/calls/stats over the period): big numbers and the
// incoming calls per hour, answered and missed stacked. There is no call list page to open yet.
import type { CallStatsResponse } from '../../../../shared/api/calls';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { Link } from '../../router';
import { callCenterPaths } from '../callcenter/paths';
import { ChartFrame } from './charts/ChartFrame';
import { Legend, niceTicks, OUTLINE, usePatterns, type Series } from './charts/svg';

const W = 1200;
const H = 340;
const L = 64;
const R = 16;
const TOP = 24;
const BOTTOM = 48;

/** `supervisor`: the call center's own page (agents, callbacks) is theirs to open, over the same period. */
export function CallsSection({ calls, supervisor }: { calls: CallStatsResponse; supervisor: boolean }) {
  const { t, lang } = useT();
  const seconds = (n: number | null) => (n === null ? '—' : t('dashboard.calls.seconds', { n: formatNumber(n, lang) }));
  const figures = [
    { key: 'incoming', label: t('dashboard.calls.incoming'), value: formatNumber(calls.incoming, lang) },
    { key: 'answered', label: t('dashboard.calls.answered'), value: formatNumber(calls.answered, lang) },
    { key: 'missed', label: t('dashboard.calls.missed'), value: formatNumber(calls.missed, lang) },
    { key: 'wait', label: t('dashboard.calls.wait'), value: seconds(calls.averageWaitSeconds) },
    { key: 'handling', label: t('dashboard.calls.handling'), value: seconds(calls.averageHandlingSeconds) },
    { key: 'fcr', label: t('dashboard.calls.fcr'), value: calls.firstCallResolution.share === null ? '—' : `${formatNumber(Math.round(calls.firstCallResolution.share * 100), lang)}%` },
    { key: 'callbacks', label: t('dashboard.calls.callbacks'), value: formatNumber(calls.openCallbacks, lang) },
  ];
  return (
    <section aria-labelledby="calls-title" className="dashboard-section" data-testid="calls">
      <h2 id="calls-title">{t('dashboard.calls.title')}</h2>
      <p className="hint">
        {t('dashboard.calls.period', { from: formatDate(calls.from, lang), to: formatDate(calls.to, lang) })}{' '}
        {supervisor && <Link to={`${callCenterPaths.supervisor}?${new URLSearchParams({ de: calls.from, pana: calls.to })}`}>{t('dashboard.calls.details')}</Link>}
      </p>
      <dl className="dash-figures dash-figures--static">
        {figures.map((f) => (
          <div key={f.key} className="dash-figure">
            <dt className="dash-figure__label">{f.label}</dt>
            <dd className="dash-figure__number">{f.value}</dd>
          </div>
        ))}
      </dl>
      <PerHourChart calls={calls} supervisor={supervisor} />
    </section>
  );
}

function PerHourChart({ calls, supervisor }: { calls: CallStatsResponse; supervisor: boolean }) {
  const { t, lang } = useT();
  const series: Series[] = [
    { key: 'answered', label: t('dashboard.calls.answered'), colour: '#0072B2', pattern: 'solid', ink: '#ffffff' },
    { key: 'missed', label: t('dashboard.calls.missed'), colour: '#D55E00', pattern: 'cross', ink: '#1f2937' },
  ];
  const { defs, fill } = usePatterns(series);
  const hours = calls.perHour.filter((h) => (h.hour >= 7 && h.hour <= 19) || h.incoming > 0);
  const ticks = niceTicks(Math.max(1, ...hours.map((h) => h.incoming)), 5);
  const max = ticks.at(-1)!;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const band = (W - L - R) / hours.length;
  const peak = hours.reduce((a, b) => (b.incoming > a.incoming ? b : a), hours[0]!);
  return (
    <ChartFrame
      testId="chart-calls"
      noLinks
      title={t('dashboard.calls.perHour.title')}
      summary={t('dashboard.calls.perHour.summary', { incoming: calls.incoming, answered: calls.answered, missed: calls.missed, peak: peak.hour })}
      legend={<Legend series={series} label={t('dashboard.calls.perHour.title')} />}
      note={supervisor ? undefined : t('dashboard.calls.note')}
      table={{
        columns: [t('dashboard.calls.col.hour'), t('dashboard.calls.incoming'), t('dashboard.calls.answered'), t('dashboard.calls.missed')],
        rows: hours.map((h) => ({ head: `${h.hour}:00`, cells: [h.incoming, h.answered, h.missed] })),
      }}
    >
      <svg viewBox={`0 0 ${W} ${H}`} className="dash-chart-svg" role="img" aria-label={t('dashboard.calls.perHour.title')}>
        {defs}
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} className="dash-chart-grid" />
            <text x={L - 10} y={y(v)} textAnchor="end" dominantBaseline="central" className="dash-chart-tick">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {hours.map((h, i) => {
          const cx = L + band * i + band / 2;
          const w = band * 0.6;
          return (
            <g key={h.hour}>
              {h.answered > 0 && <rect x={cx - w / 2} y={y(h.answered)} width={w} height={y(0) - y(h.answered)} fill={fill('answered')} stroke={OUTLINE} strokeWidth={1.2} />}
              {h.missed > 0 && <rect x={cx - w / 2} y={y(h.answered + h.missed)} width={w} height={y(h.answered) - y(h.answered + h.missed)} fill={fill('missed')} stroke={OUTLINE} strokeWidth={1.2} />}
              {h.incoming > 0 && (
                <text x={cx} y={y(h.incoming) - 7} textAnchor="middle" className="dash-chart-value dash-chart-value--small">
                  {h.incoming}
                </text>
              )}
              <text x={cx} y={H - BOTTOM + 24} textAnchor="middle" className="dash-chart-tick">
                {h.hour}:00
              </text>
            </g>
          );
        })}
        <line x1={L} x2={W - R} y1={y(0)} y2={y(0)} className="dash-chart-axis" />
      </svg>
    </ChartFrame>
  );
}
