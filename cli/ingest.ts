// `raadsarchief ingest <paths…>`: files and folders in, one outcome per file, a summary table.
import type { Command } from 'commander';
import type { IngestOutcome, IngestProgress } from '../archive/api.ts';
import { supportedExtensions } from '../ingest/formats/index.ts';
import { command, print, withArchive, type Globals, type Result } from './common.ts';
import { ProgressBar, table, truncate } from './terminal.ts';

export function registerIngest(program: Command, result: Result): void {
  command(program, 'ingest', `ingest ${supportedExtensions().join(', ')} files (folders are walked recursively)`)
    .argument('<paths...>', 'files or folders')
    .option('--password <password>', 'the password of encrypted PDFs in the batch (or env RAADSARCHIEF_PDF_PASSWORD)')
    .option('--reread', "read files the archive already holds again, even unchanged, so that a newer version's metadata and cleaning reach them")
    .action(async (paths: string[], o: { password?: string; reread?: boolean }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const t0 = performance.now();
      const bar = new ProgressBar(!g.json);
      const password = o.password ?? process.env.RAADSARCHIEF_PDF_PASSWORD;
      const onProgress = (p: IngestProgress) =>
        bar.update(p.filesDone, p.filesTotal, `files · ${p.pages} pages · ${p.passages} passages · ${truncate(p.currentFile?.split('/').pop() ?? '', 30)}`);
      const outcomes = await withArchive(g, (a) => a.ingestFiles(paths, { password, reread: o.reread, onProgress }), { create: true });
      bar.done();
      const seconds = (performance.now() - t0) / 1000;
      print(g.json, { outcomes, seconds }, () => ingestSummary(outcomes, seconds));
      const anyGood = outcomes.some((o) => o.status !== 'skipped');
      result.code = outcomes.length > 0 && !anyGood ? 1 : 0;
    });
}

function ingestSummary(outcomes: IngestOutcome[], seconds: number): string {
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  const rows = outcomes.map((o) => [
    truncate(o.file.replace(`${process.cwd()}/`, ''), 60),
    o.status,
    o.pages ?? '',
    o.passages ?? '',
    note(o),
  ]);
  const totals = `ingested ${count('ingested')} · replaced ${count('replaced')} · unchanged ${count('unchanged')} · duplicate ${count('duplicate')} · skipped ${count('skipped')} · ${seconds.toFixed(1)} s`;
  return `${table(['file', 'status', 'pages', 'passages', 'note'], rows)}\n\n${totals}`;
}

function note(o: IngestOutcome): string {
  if (o.status === 'skipped' || o.status === 'duplicate') return o.reason ?? '';
  return [o.ocrPages ? `${o.ocrPages} page(s) read by OCR` : '', o.emptyPages ? `${o.emptyPages} empty page(s)` : ''].filter(Boolean).join(' · ');
}
