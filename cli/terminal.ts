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

/** Progress on stderr: a bar redrawn in place on a terminal; plain lines otherwise (logs, pipes, CI), at most one every
 *  few seconds and one at the end, so a long batch shows it is alive without flooding the log. Off for --json. */
export class ProgressBar {
  private readonly started = performance.now();
  private readonly mode: 'bar' | 'lines' | 'off';
  private last = 0;

  constructor(enabled: boolean, tty = process.stderr.isTTY === true) {
    this.mode = !enabled ? 'off' : tty ? 'bar' : 'lines';
  }

  update(done: number, total: number, detail: string): void {
    if (this.mode === 'off') return;
    const now = performance.now();
    if (now - this.last < (this.mode === 'bar' ? 80 : 5000) && done < total) return;
    this.last = now;
    const elapsed = (now - this.started) / 1000;
    const eta = done > 0 && done < total ? ` ETA ${Math.ceil((elapsed / done) * (total - done))}s` : '';
    if (this.mode === 'lines') {
      process.stderr.write(`${done}/${total} ${detail}${eta} (${elapsed.toFixed(0)} s)\n`);
      return;
    }
    const width = 24;
    const filled = Math.round((total > 0 ? done / total : 1) * width);
    const cols = process.stderr.columns ?? 100;
    const msg = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${detail}${eta}`;
    process.stderr.write(`\r${msg.slice(0, cols - 1).padEnd(Math.min(cols - 1, msg.length))}\x1b[K`);
  }

  done(): void {
    if (this.mode === 'bar') process.stderr.write('\r\x1b[K');
  }
}
