// `raadsarchief <command>`: a thin layer over the archive. With --json a command prints only JSON on stdout;
// logs and progress go to stderr. Exit codes: 0 ok, 1 nothing could be done (e.g. nothing ingested), 2 usage error.
import { Command, CommanderError, Option } from 'commander';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { dataDir } from '../lib/config.ts';
import { describeError, isArchiveError } from '../lib/errors.ts';
import type { IngestOutcome } from '../archive/api.ts';
import type { SearchMode } from '../lib/types.ts';
import { openArchive, type ArchiveImpl } from '../archive/archive.ts';
import { ProgressBar, table, truncate } from './terminal.ts';
import { registerEval } from './eval.ts';

interface Globals {
  data?: string;
  json?: boolean;
}

type Out = { code: number };

function print(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

async function withArchive<T>(g: Globals, fn: (a: ArchiveImpl) => Promise<T>): Promise<T> {
  const archive = await openArchive({ dataDir: dataDir(g.data) });
  try {
    return await fn(archive);
  } finally {
    await archive.close();
  }
}

/** Expands folders (recursively, skipping hidden entries) into files; keeps the order given. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push(p); // reported per file as unreadable
      return;
    }
    if (!s.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = (await readdir(p)).filter((e) => !e.startsWith('.')).sort();
    for (const e of entries) await walk(join(p, e));
  };
  for (const p of paths) await walk(resolve(p));
  return out;
}

function ingestSummary(outcomes: IngestOutcome[], seconds: number): string {
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  const rows = outcomes.map((o) => [
    truncate(o.file.replace(`${process.cwd()}/`, ''), 60),
    o.status,
    o.pages ?? '',
    o.passages ?? '',
    o.status === 'skipped' ? (o.reason ?? '') : o.emptyPages ? `${o.emptyPages} empty page(s)` : '',
  ]);
  const totals = `ingested ${count('ingested')} · replaced ${count('replaced')} · unchanged ${count('unchanged')} · skipped ${count('skipped')} · ${seconds.toFixed(1)} s`;
  return `${table(['file', 'status', 'pages', 'passages', 'note'], rows)}\n\n${totals}`;
}

function buildProgram(result: Out): Command {
  const program = new Command('raadsarchief')
    .description('Search and cited answers over an archive of Dutch local-government policy documents')
    .option('--data <dir>', 'where the store and index live (env RAADSARCHIEF_DATA, default ./data)')
    .showHelpAfterError()
    .exitOverride();

  const cmd = (name: string, description: string) =>
    program.command(name).description(description).option('--json', 'print only JSON on stdout');

  cmd('ingest', 'ingest PDF, .txt and .md files (folders are walked recursively)')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], _o, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const files = await expandPaths(paths);
      const t0 = performance.now();
      const bar = new ProgressBar(!g.json && process.stderr.isTTY === true);
      const outcomes = await withArchive(g, (a) =>
        a.ingestFiles(files, (p) =>
          bar.update(p.filesDone, p.filesTotal, `files · ${p.pages} pages · ${p.passages} passages · ${truncate(p.currentFile?.split('/').pop() ?? '', 30)}`),
        ),
      );
      bar.done();
      const seconds = (performance.now() - t0) / 1000;
      print(g.json, { outcomes, seconds }, () => ingestSummary(outcomes, seconds));
      const anyGood = outcomes.some((o) => o.status !== 'skipped');
      result.code = outcomes.length > 0 && !anyGood ? 1 : 0;
    });

  cmd('docs', 'list the documents in the archive').action(async (_o, c: Command) => {
    const g = c.optsWithGlobals<Globals>();
    const documents = await withArchive(g, async (a) => a.listDocuments());
    print(g.json, { documents }, () =>
      documents.length === 0
        ? 'The archive is empty. Add documents with `raadsarchief ingest <path>`.'
        : table(
            ['id', 'title', 'year', 'organisation', 'pages', 'passages'],
            documents.map((d) => [d.id, truncate(d.title, 50), d.year ?? '', truncate(d.organisation ?? '', 30), d.pageCount, d.passageCount]),
          ),
    );
  });

  cmd('show', "show a document's metadata, or the clean text of one page")
    .argument('<doc>', 'document id (see `docs`)')
    .option('--page <n>', 'page number', (v) => Number.parseInt(v, 10))
    .action(async (id: string, o: { page?: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      await withArchive(g, async (a) => {
        const doc = a.getDocument(id);
        if (!doc) {
          process.stderr.write(`error: no document with id "${id}" (see \`raadsarchief docs\`)\n`);
          result.code = 1;
          return;
        }
        if (o.page !== undefined) {
          const page = a.getPage(id, o.page);
          if (!page) {
            process.stderr.write(`error: document "${id}" has no page ${o.page} (it has ${doc.pageCount})\n`);
            result.code = 1;
            return;
          }
          print(g.json, { document: doc, ...page }, () => `${doc.title} — pagina ${page.page} van ${doc.pageCount}\n\n${page.text}`);
          return;
        }
        const passages = a.getPassages(id);
        print(g.json, { document: doc, passages }, () => {
          const meta = Object.entries(doc)
            .map(([k, v]) => `${k.padEnd(14)} ${v ?? ''}`)
            .join('\n');
          const ps = passages
            .map((p) => `#${p.ordinal} p.${p.pageFirst}${p.pageLast > p.pageFirst ? `-${p.pageLast}` : ''} ${p.headingPath.join(' > ')}\n   ${truncate(p.text, 110)}`)
            .join('\n');
          return `${meta}\n\n${ps}`;
        });
      });
    });

  cmd('delete', 'delete a document and its passages from the store and indexes')
    .argument('<doc>', 'document id')
    .action(async (id: string, _o, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const deleted = await withArchive(g, (a) => a.deleteDocument(id));
      if (!deleted) result.code = 1;
      print(g.json, { id, deleted }, () => (deleted ? `deleted ${id}` : `no document with id "${id}"`));
    });

  cmd('stats', 'counts, embedder and index status').action(async (_o, c: Command) => {
    const g = c.optsWithGlobals<Globals>();
    const stats = await withArchive(g, async (a) => {
      const docs = a.listDocuments();
      return { ...a.health(), pages: docs.reduce((s, d) => s + d.pageCount, 0) };
    });
    print(g.json, stats, () =>
      [
        `documents  ${stats.documents}`,
        `pages      ${stats.pages}`,
        `passages   ${stats.passages}`,
        `vectors    ${stats.vectors}`,
        `embedder   ${stats.embedder.name} (${stats.embedder.dimension} dims): ${stats.embedder.note}`,
        `lexicon    ${stats.lexicon ? 'Dutch lexicon in use' : 'none (set LEXICON_DIR for synonym expansion)'}`,
        `data       ${stats.dataDir}`,
      ].join('\n'),
    );
  });

  cmd('search', 'search the archive')
    .argument('<query>', 'a Dutch question or keywords')
    .addOption(new Option('--mode <mode>', 'retrieval mode').choices(['hybrid', 'lexical', 'dense']).default('hybrid'))
    .option('--k <n>', 'number of results', (v) => Number.parseInt(v, 10), 5)
    .action(async (query: string, o: { mode: SearchMode; k: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const hits = await withArchive(g, (a) => a.search(query, { mode: o.mode, k: o.k }));
      print(g.json, { query, mode: o.mode, hits }, () =>
        hits.length === 0
          ? 'Niets gevonden.'
          : hits
              .map((h) => {
                const pages = h.pageFirst === h.pageLast ? `p. ${h.pageFirst}` : `pp. ${h.pageFirst}-${h.pageLast}`;
                const head = h.headingPath.length ? ` · ${h.headingPath.join(' > ')}` : '';
                return `${h.rank}. ${h.document.title} (${h.docId}, ${pages})${head}  score ${h.score.toFixed(4)}\n   ${highlightTerminal(truncate(h.text, 300), h.highlights)}`;
              })
              .join('\n\n'),
      );
    });

  cmd('reindex', 're-embed every passage from the store (refits the built-in embedder) and rebuild the indexes').action(
    async (_o, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const bar = new ProgressBar(!g.json && process.stderr.isTTY === true);
      const r = await withArchive(g, (a) => a.reindex((d, t) => bar.update(d, t, 'passages embedded')));
      bar.done();
      print(g.json, r, () => `re-indexed ${r.passages} passages in ${(r.ms / 1000).toFixed(1)} s`);
    },
  );

  cmd('ask', 'answer a question with cited sentences from the archive (same JSON as POST /api/ask)')
    .argument('<question>', 'a Dutch question')
    .option('--k <n>', 'passages to draw the answer from', (v) => Number.parseInt(v, 10))
    .action(async (question: string, o: { k?: number }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const { ask } = await import('../answer/ask.ts');
      const r = await withArchive(g, (a) => ask(a, { question, k: o.k }));
      print(g.json, r, () => {
        if (!r.answered) {
          const closest = r.hits.slice(0, 3).map((h) => `- ${h.document.title}, p. ${h.pageFirst}: ${truncate(h.text, 160)}`);
          return `${r.answer}\n\nDichtstbijzijnde passages:\n${closest.join('\n')}`;
        }
        const cites = r.citations.map((ci) => `[${ci.n}] ${ci.title}, ${ci.pageFirst === ci.pageLast ? `p. ${ci.pageFirst}` : `pp. ${ci.pageFirst}-${ci.pageLast}`}`);
        return `${r.answer}\n\n${cites.join('\n')}`;
      });
    });

  registerEval(program, result);

  cmd('serve', 'serve the API and the staff page')
    .option('--port <n>', 'port', (v) => Number.parseInt(v, 10), 3000)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (o: { port: number; host: string }, c: Command) => {
      const g = c.optsWithGlobals<Globals>();
      const { serve } = await import('../api/serve.ts');
      await serve({ dataDir: dataDir(g.data), port: o.port, host: o.host, apiKey: process.env.API_KEY || undefined });
      process.stderr.write(`Raadsarchief: http://${o.host}:${o.port}/ (API docs at /docs)\n`);
      await new Promise(() => undefined); // serve until a signal closes the process
    });

  return program;
}

function highlightTerminal(text: string, words: string[]): string {
  if (!process.stdout.isTTY || words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), '\x1b[1;33m$1\x1b[0m');
}

export async function main(argv: string[]): Promise<number> {
  const result: Out = { code: 0 };
  const program = buildProgram(result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    const subject = isArchiveError(e) && e.subject ? `${e.subject}: ` : '';
    process.stderr.write(`error: ${subject}${describeError(e)}\n`);
    return isArchiveError(e) && (e.code === 'ERR_USAGE' || e.code === 'ERR_BAD_REQUEST') ? 2 : 1;
  }
}
