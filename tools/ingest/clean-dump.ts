// Writes the metadata and clean text of every file under the given folders to <out>/<folder>/<file>.txt, so two
// versions of the cleaning can be compared file by file (diff -r) before an archive is re-ingested (headings listed at
// the end):
//   node bin/run-ts.js tools/ingest/clean-dump.ts <out> <folder…>
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { prepareDocument } from '../../ingest/prepare.ts';

const [out, ...folders] = process.argv.slice(2);
if (!out || folders.length === 0) throw new Error('usage: clean-dump.ts <out> <folder…>');
for (const folder of folders) {
  const dir = join(out, basename(folder));
  mkdirSync(dir, { recursive: true });
  for (const name of (readdirSync(folder, { recursive: true }) as string[]).sort()) {
    const path = join(folder, name);
    if (!statSync(path).isFile() || basename(name) === 'MANIFEST.tsv' || name.endsWith('.md')) continue;
    mkdirSync(join(dir, name, '..'), { recursive: true });
    try {
      // The ingest's own preparation, so the dump cleans exactly as an archive does.
      const { meta, doc } = await prepareDocument(new Uint8Array(readFileSync(path)), { id: name, fileName: basename(name), sourcePath: path }, { parseTimeoutMs: 60_000 });
      // The headings too: they cut passages and make the heading paths citations show.
      const headings = doc.headings.map((h) => `${h.level} ${doc.text.slice(h.start, h.end)}`).join('\n');
      writeFileSync(join(dir, `${name}.txt`), `${meta.title} | ${meta.organisation ?? '-'} | ${meta.year ?? '-'}\n---\n${doc.text}\n---headings\n${headings}\n`);
    } catch (e) {
      writeFileSync(join(dir, `${name}.txt`), `ERROR ${(e as Error).message}`);
    }
  }
}
