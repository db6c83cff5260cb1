// Plain-text tables with aligned columns, for the terminal report and the sweep.

export type Align = 'left' | 'right';

export function formatTable(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (align[c] === 'left' || (align[c] === undefined && c === 0) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A metric in [0, 1] with three decimals. */
export function fmt(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(3);
}
