// Calls per hour of the day (Bucharest time) as an SVG bar chart: answered (solid) and missed (hatched, so
// colour is not the only difference) side by side. Screen readers get a one-sentence summary, and the same
// figures as a table.
import { useId } from 'react';
import { useT } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';

type Hour = { hour: number; incoming: number; answered: number; missed: number };

const W = 720;
const H = 260;
const M = { top: 16, right: 8, bottom: 34, left: 40 };
const ANSWERED = '#1a3d6d';
const MISSED = '#b91c1c';

/** A round top for the axis: 1, 2, 5, 10, 20, 50… at or above the highest bar. */
function niceMax(n: number): number {
  if (n <= 4) return Math.max(1, n);
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function PerHourChart({ perHour }: { perHour: Hour[] }) {
  const { t, lang } = useT();
  const id = `chart${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const max = niceMax(Math.max(0, ...perHour.map((h) => Math.max(h.answered, h.missed))));
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / 24;
  const bar = Math.max(2, (slot - 6) / 2);
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 2, max];
  const total = perHour.reduce((a, h) => a + h.incoming, 0);
  const busiest = perHour.reduce<Hour | null>((best, h) => (h.incoming > (best?.incoming ?? 0) ? h : best), null);
  const summary =
    total === 0
      ? t('cc.chart.empty')
      : t('cc.chart.summary', { total, hour: busiest ? `${hh(busiest.hour)}–${hh((busiest.hour + 1) % 24)}` : '', n: busiest?.incoming ?? 0 });

  return (
    <figure className="chart" data-testid="per-hour-chart">
      <figcaption className="chart__caption">
        <strong>{t('cc.chart.title')}</strong>
        <span className="chart__legend" aria-hidden="true">
          <span className="chart__key">
            <svg width="16" height="16" focusable="false">
              <rect width="16" height="16" fill={ANSWERED} />
            </svg>
            {t('cc.chart.answered')}
          </span>
          <span className="chart__key">
            <svg width="16" height="16" focusable="false">
              <rect width="16" height="16" fill={`url(#${id}-hatch)`} stroke={MISSED} strokeWidth="2" />
            </svg>
            {t('cc.chart.missed')}
          </span>
        </span>
      </figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} focusable="false">
        <title id={titleId}>{t('cc.chart.title')}</title>
        <desc id={descId}>{summary}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#fde8e8" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={MISSED} strokeWidth="3" />
          </pattern>
        </defs>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#d1d5db" strokeWidth="1" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#4b5563">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {perHour.map((h) => {
          const x = M.left + h.hour * slot + 3;
          return (
            <g key={h.hour}>
              {h.answered > 0 && <rect x={x} y={y(h.answered)} width={bar} height={y(0) - y(h.answered)} fill={ANSWERED} />}
              {h.missed > 0 && <rect x={x + bar} y={y(h.missed)} width={bar} height={y(0) - y(h.missed)} fill={`url(#${id}-hatch)`} stroke={MISSED} strokeWidth="1.5" />}
              {h.hour % 2 === 0 && (
                <text x={M.left + h.hour * slot + slot / 2} y={H - M.bottom + 16} textAnchor="middle" fontSize="12" fill="#4b5563">
                  {String(h.hour).padStart(2, '0')}
                </text>
              )}
            </g>
          );
        })}
        <line x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} stroke="#4b5563" strokeWidth="1.5" />
        <text x={M.left + plotW / 2} y={H - 4} textAnchor="middle" fontSize="12" fill="#4b5563">
          {t('cc.chart.axis')}
        </text>
      </svg>
      <details className="chart__data">
        <summary>{t('cc.chart.table')}</summary>
        <table className="cc-data-table">
          <caption className="visually-hidden">{t('cc.chart.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cc.chart.hour')}</th>
              <th scope="col">{t('cc.chart.incoming')}</th>
              <th scope="col">{t('cc.chart.answered')}</th>
              <th scope="col">{t('cc.chart.missed')}</th>
            </tr>
          </thead>
          <tbody>
            {perHour
              .filter((h) => h.incoming > 0)
              .map((h) => (
                <tr key={h.hour}>
                  <th scope="row">
                    {hh(h.hour)}–{hh((h.hour + 1) % 24)}
                  </th>
                  <td>{h.incoming}</td>
                  <td>{h.answered}</td>
                  <td>{h.missed}</td>
                </tr>
              ))}
          </tbody>
        </table>
        {total === 0 && <p>{t('cc.chart.empty')}</p>}
      </details>
    </figure>
  );
}
