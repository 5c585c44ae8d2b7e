// The series of the dashboard's charts: Okabe & Ito's colour-blind-safe colours, each with its own
// pattern, in a fixed order (the legend's, the stack's).
import type { Series } from './svg';

export const CLOCK_COLOURS = {
  breached: { colour: '#D55E00', pattern: 'cross', ink: '#1f2937' },
  at_risk: { colour: '#E69F00', pattern: 'dots', ink: '#1f2937' },
  paused: { colour: '#BBBBBB', pattern: 'diagonal', ink: '#1f2937' },
  on_time: { colour: '#0072B2', pattern: 'solid', ink: '#ffffff' },
} as const satisfies Record<string, Omit<Series, 'key' | 'label'>>;

export const CHANNEL_COLOURS = {
  web: { colour: '#0072B2', pattern: 'solid', ink: '#ffffff' },
  email: { colour: '#009E73', pattern: 'diagonal', ink: '#ffffff' },
  phone: { colour: '#E69F00', pattern: 'dots', ink: '#1f2937' },
  desk: { colour: '#CC79A7', pattern: 'horizontal', ink: '#1f2937' },
  post: { colour: '#56B4E9', pattern: 'cross', ink: '#1f2937' },
  open311: { colour: '#F0E442', pattern: 'vertical', ink: '#1f2937' },
} as const satisfies Record<string, Omit<Series, 'key' | 'label'>>;

/** Answered in time: four classes of a diverging red–blue scale (ColorBrewer RdBu, colour-blind safe). */
export const IN_TIME_CLASSES = [
  { min: 95, colour: '#2166AC', label: '≥ 95%' },
  { min: 85, colour: '#92C5DE', label: '85–95%' },
  { min: 70, colour: '#F4A582', label: '70–85%' },
  { min: 0, colour: '#B2182B', label: '< 70%' },
] as const;

export function inTimeClass(share: number) {
  return IN_TIME_CLASSES.find((c) => share >= c.min) ?? IN_TIME_CLASSES[IN_TIME_CLASSES.length - 1]!;
}
