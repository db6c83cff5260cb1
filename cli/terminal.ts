// Small terminal helpers: aligned tables and a progress bar on stderr (stdout stays clean for results/JSON).

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i] - [...c].length);
        return /^-?[\d.,]+( ?%|s| ms)?$/.test(c) ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r) => line(r.map(String)))].join('\n');
}

export function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}

/** A one-line progress bar, redrawn in place on a TTY; silent otherwise (CI logs stay readable). */
export class ProgressBar {
  private readonly started = performance.now();
  private readonly enabled: boolean;
  private last = 0;

  constructor(enabled = process.stderr.isTTY === true) {
    this.enabled = enabled;
  }

  update(done: number, total: number, detail: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < 80 && done < total) return;
    this.last = now;
    const width = 24;
    const frac = total > 0 ? done / total : 1;
    const filled = Math.round(frac * width);
    const elapsed = (now - this.started) / 1000;
    const eta = done > 0 && done < total ? ` ETA ${Math.ceil((elapsed / done) * (total - done))}s` : '';
    const cols = process.stderr.columns ?? 100;
    const msg = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${detail}${eta}`;
    process.stderr.write(`\r${msg.slice(0, cols - 1).padEnd(Math.min(cols - 1, msg.length))}\x1b[K`);
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}
