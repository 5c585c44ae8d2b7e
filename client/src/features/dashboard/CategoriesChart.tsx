// The most frequent categories of the period (90 days by default): horizontal bars with their names and
// counts; each bar opens the list of that category's petitions registered in the period.
import type { DashboardPetitions, DashboardResponse } from '../../../../shared/api/dashboard';
import { useT } from '../../i18n';
import { formatDate, formatNumber } from '../../i18n/format';
import { ChartFrame } from './charts/ChartFrame';
import { niceTicks, OUTLINE, SvgLink } from './charts/svg';
import { listUrl } from './links';

const W = 1200;
const LABEL = 540;
const ROW = 40;
const BAR = 28;
const RIGHT = 60;
const FILL = '#009E73';

export function CategoriesChart({ data, scope }: { data: DashboardPetitions['topCategories']; scope: DashboardResponse['scope'] }) {
  const { t, lang } = useT();
  const department = scope.kind === 'department' ? { departmentCode: scope.departmentCode } : {};
  const items = data.items;
  const ticks = niceTicks(Math.max(1, ...items.map((i) => i.count)), 6);
  const max = ticks.at(-1)!;
  const x = (v: number) => LABEL + (v / max) * (W - LABEL - RIGHT);
  const height = items.length * ROW + 48;
  const period = { from: formatDate(data.from, lang), to: formatDate(data.to, lang) };
  const first = items[0];
  const summary = first ? t('dashboard.categories.summary', { n: items.length, ...period, first: first.name[lang], count: first.count }) : t('dashboard.list.none');

  return (
    <ChartFrame
      testId="chart-categories"
      title={`${t('dashboard.categories.title')} (${t('dashboard.categories.period', period)})`}
      summary={summary}
      table={{ columns: [t('dashboard.categories.col.category'), t('dashboard.col.count')], rows: items.map((i) => ({ head: i.name[lang], cells: [i.count] })) }}
    >
      <svg viewBox={`0 0 ${W} ${height}`} className="dash-chart-svg" role="group" aria-label={t('dashboard.categories.title')}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={4} y2={items.length * ROW + 8} className="dash-chart-grid" />
            <text x={x(v)} y={items.length * ROW + 30} textAnchor="middle" className="dash-chart-tick">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {items.map((item, i) => {
          const y = 8 + i * ROW + (ROW - BAR) / 2;
          const name = item.name[lang];
          return (
            <g key={item.code}>
              <text x={LABEL - 12} y={y + BAR / 2} textAnchor="end" dominantBaseline="central" className="dash-chart-label" aria-hidden="true">
                {name.length > 44 ? `${name.slice(0, 42)}…` : name}
              </text>
              <SvgLink to={listUrl({ ...department, categoryCode: item.code, registeredFrom: data.from, registeredTo: data.to })} label={t('dashboard.categories.bar', { category: name, n: item.count })}>
                <rect x={LABEL} y={y} width={Math.max(x(item.count) - LABEL, 2)} height={BAR} fill={FILL} stroke={OUTLINE} strokeWidth={1.5} className="dash-chart-bar" />
              </SvgLink>
              <text x={x(item.count) + 10} y={y + BAR / 2} dominantBaseline="central" className="dash-chart-value" aria-hidden="true">
                {formatNumber(item.count, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </ChartFrame>
  );
}
