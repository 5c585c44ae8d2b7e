// What every dashboard chart is drawn with: a colour-blind-safe palette (Okabe & Ito) where each series also
// has its own fill pattern and every bar a dark outline (so neither colour nor a light fill carries the
// meaning alone), keyboard-focusable SVG links that navigate in-app, and "nice" axis ticks.
import { useId, type MouseEvent, type ReactNode } from 'react';
import { navigate } from '../../../router';

export type Pattern = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'cross' | 'vertical' | 'backdiagonal';
export type Series = { key: string; label: string; colour: string; pattern: Pattern; ink: string };

/** The outline of every bar and swatch: dark, so a bar stands out from the page whatever its fill. */
export const OUTLINE = '#1f2937';

/** One <pattern> per series, ids scoped to this chart (several charts share the page). */
export function usePatterns(series: readonly Series[]): { defs: ReactNode; fill: (key: string) => string } {
  const base = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const id = (key: string) => `p-${base}-${key}`;
  const defs = (
    <defs>
      {series.map((s) => (
        <pattern key={s.key} id={id(s.key)} patternUnits="userSpaceOnUse" width="10" height="10">
          <rect width="10" height="10" fill={s.colour} />
          <PatternMarks pattern={s.pattern} ink={s.ink} />
        </pattern>
      ))}
    </defs>
  );
  return { defs, fill: (key) => `url(#${id(key)})` };
}

function PatternMarks({ pattern, ink }: { pattern: Pattern; ink: string }) {
  const line = { stroke: ink, strokeWidth: 2, strokeOpacity: 0.75 };
  switch (pattern) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d="M-2,2 l4,-4 M0,10 l10,-10 M8,12 l4,-4" {...line} />;
    case 'backdiagonal':
      return <path d="M-2,8 l4,4 M0,0 l10,10 M8,-2 l4,4" {...line} />;
    case 'horizontal':
      return <path d="M0,5 h10" {...line} />;
    case 'vertical':
      return <path d="M5,0 v10" {...line} />;
    case 'cross':
      return <path d="M0,0 l10,10 M10,0 l-10,10" {...line} strokeWidth={1.5} />;
    case 'dots':
      return <circle cx="5" cy="5" r="2" fill={ink} fillOpacity={0.8} />;
  }
}

/** A swatch and its label, for a legend above the chart. */
export function Legend({ series, label }: { series: readonly Series[]; label: string }) {
  const { defs, fill } = usePatterns(series);
  return (
    <ul className="dash-chart-legend" aria-label={label}>
      {series.map((s) => (
        <li key={s.key}>
          <svg width="28" height="20" aria-hidden="true" focusable="false">
            {defs}
            <rect x="1" y="1" width="26" height="18" rx="3" fill={fill(s.key)} stroke={OUTLINE} strokeWidth="1.5" />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/** A link inside an SVG chart: focusable, named, and an in-app navigation like the router's Link. */
export function SvgLink({ to, label, children }: { to: string; label: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<Element>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} aria-label={label} className="dash-chart-link" onClick={onClick}>
      <title>{label}</title>
      {children}
    </a>
  );
}

/** Round axis ticks from 0 to at least `max`: 0, 5, 10… or 0, 20, 40… — about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}

/** White or near-black text, whichever reads better on a fill (WCAG relative luminance). */
export function inkOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.22 ? '#111827' : '#ffffff';
}
