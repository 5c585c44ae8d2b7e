// The bench's table: every figure beside the reference measured in the same run, and each target ✓ or ✗.
export type Row = {
  measure: string;
  result: string;
  reference?: string;
  ratio?: string;
  target?: string;
  /** true ✓, false ✗, null: informative (no target, or not measured). */
  ok?: boolean | null;
};

export const ms = (v: number | null | undefined, digits = 1) => (v == null || Number.isNaN(v) ? 'n/a' : `${v.toFixed(digits)} ms`);
export const perSecond = (v: number | null | undefined) => (v == null || Number.isNaN(v) ? 'n/a' : `${Math.round(v).toLocaleString('en-US')}/s`);
export const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
export const mb = (v: number | null | undefined) => (v == null ? 'n/a' : `${Math.round(v)} MB`);

export function renderTable(rows: Row[]): string {
  const headers = ['Measure', 'Result', 'Reference (same run)', 'Ratio', 'Target', ''];
  const cells = rows.map((r) => [r.measure, r.result, r.reference ?? '', r.ratio ?? '', r.target ?? '', r.ok === true ? '✓' : r.ok === false ? '✗' : '']);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x + ' '.repeat(widths[i]! - [...x].length)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** A progress bar on stderr (redrawn in place on a terminal, a line every 10 % otherwise). */
export function progressBar(label: string) {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const elapsed = (Date.now() - started) / 1000;
    const eta = share > 0 ? elapsed / share - elapsed : 0;
    const width = 30;
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
    const text = `${label} ${bar} ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}  ${formatDuration(elapsed)} elapsed, ${formatDuration(eta)} left`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${text}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(share * 10) !== lastDecile || done >= total) {
      lastDecile = Math.floor(share * 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
