// Identity and walking on generated folders: a document is its source path, same names in other folders stay other
// documents, identical bytes are reported as duplicates, links and loops are walked once, an unreadable folder is one
// outcome and the batch goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import type { Archive, IngestOutcome } from '../../archive/api.ts';
import { RUN_TS, corpusFiles, tmp } from '../reliability/fixtures.ts';

const text = (n: number) => `Besluitenlijst raadsvergadering ${n}\n\nDe raad besluit het voorstel over de begroting ${n} aan te nemen.\n`;
let data: string;
let work: string;
let archive: Archive;

beforeAll(async () => {
  data = tmp('identity-data');
  work = tmp('identity-work');
  archive = await openArchive({ dataDir: data, embedder: 'builtin' });
});
afterAll(async () => archive?.close());

const byFile = (outcomes: IngestOutcome[], file: string) => outcomes.find((o) => o.file.endsWith(file))!;

describe('identity by source path', () => {
  it('keeps same-named files in different folders apart, and updates only the one ingested again', async () => {
    const dup = join(work, 'dup');
    mkdirSync(join(dup, '2019'), { recursive: true });
    mkdirSync(join(dup, '2020'), { recursive: true });
    writeFileSync(join(dup, '2019/besluitenlijst.txt'), text(2019));
    writeFileSync(join(dup, '2020/besluitenlijst.txt'), text(2020));
    const first = await archive.ingestFiles([dup]);
    expect(first.map((o) => [o.status, o.docId])).toEqual([['ingested', 'besluitenlijst'], ['ingested', 'besluitenlijst-2020']]);
    const before2019 = archive.getDocument('besluitenlijst')!;

    writeFileSync(join(dup, '2020/besluitenlijst.txt'), text(2021));
    const again = await archive.ingestFiles([join(dup, '2020/besluitenlijst.txt')]);
    expect(again).toMatchObject([{ status: 'replaced', docId: 'besluitenlijst-2020' }]);
    expect(archive.getDocument('besluitenlijst')).toEqual(before2019);
    expect(archive.getDocumentText('besluitenlijst-2020')).toContain('begroting 2021');
    expect(archive.getDocumentText('besluitenlijst')).toContain('begroting 2019');
    // The folder again: nothing changed, so nothing happens.
    expect((await archive.ingestFiles([dup])).map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('reports identical bytes under another path as a duplicate, in the archive and within one batch', async () => {
    const twins = join(work, 'twins');
    mkdirSync(twins);
    writeFileSync(join(twins, 'a.txt'), text(7));
    writeFileSync(join(twins, 'b.txt'), text(7));
    writeFileSync(join(twins, 'kopie.txt'), readFileSync(join(work, 'dup/2019/besluitenlijst.txt')));
    const out = await archive.ingestFiles([twins]);
    expect(byFile(out, 'a.txt')).toMatchObject({ status: 'ingested', docId: 'a' });
    expect(byFile(out, 'b.txt')).toMatchObject({ status: 'duplicate', docId: 'a' });
    expect(byFile(out, 'kopie.txt')).toMatchObject({ status: 'duplicate', docId: 'besluitenlijst' });
    expect(archive.getDocument('b')).toBeNull();
  });

  it('gives an upload its own identity by name: the same name replaces it, a file of that name elsewhere does not', async () => {
    const up = await archive.ingestBytes('besluitenlijst.txt', new TextEncoder().encode(text(3000)));
    expect(up).toMatchObject({ status: 'ingested' });
    expect(up.docId).not.toBe('besluitenlijst');
    const again = await archive.ingestBytes('besluitenlijst.txt', new TextEncoder().encode(text(3001)));
    expect(again).toMatchObject({ status: 'replaced', docId: up.docId });
    expect(archive.getDocument(up.docId!)!.sourcePath).toBe('upload:besluitenlijst.txt');
    expect(archive.getDocumentText('besluitenlijst')).toContain('begroting 2019');
  });
});

describe('walking folders', () => {
  it('walks each real path once: a link to its own folder and a loop end, a linked file counts once', async () => {
    const tree = join(work, 'lussen');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'een.txt'), text(11));
    writeFileSync(join(tree, 'sub', 'twee.txt'), text(12));
    symlinkSync('.', join(tree, 'self'));
    symlinkSync('..', join(tree, 'sub', 'terug'));
    symlinkSync(join(tree, 'een.txt'), join(tree, 'sub', 'link-naar-een.txt'));
    symlinkSync(join(tree, 'bestaat-niet.txt'), join(tree, 'kapotte-link.txt'));
    const t0 = performance.now();
    const out = await archive.ingestFiles([tree]);
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(out.filter((o) => o.status === 'ingested').map((o) => o.docId).sort()).toEqual(['een', 'twee']);
    expect(byFile(out, 'kapotte-link.txt')).toMatchObject({ status: 'skipped', code: 'ERR_FILE_UNREADABLE' });
    expect(out).toHaveLength(3);
  });

  it('skips an unreadable folder with its reason and ingests the readable files of the batch', () => {
    const tree = join(work, 'rechten');
    mkdirSync(join(tree, 'geheim'), { recursive: true, mode: 0o755 });
    writeFileSync(join(tree, 'open.txt'), text(21));
    writeFileSync(join(tree, 'geheim', 'dicht.txt'), text(22));
    chmodSync(work, 0o755);
    chmodSync(tree, 0o755);
    chmodSync(join(tree, 'geheim'), 0o000);
    // root reads every folder: walk as an unprivileged user there (the same code a staff member's account runs).
    const script = join(import.meta.dirname, 'walk-child.ts');
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const out = JSON.parse(execFileSync(process.execPath, [RUN_TS, script, tree], { encoding: 'utf8', ...asUser })) as { path: string; error?: string }[];
    chmodSync(join(tree, 'geheim'), 0o755);
    expect(out.find((f) => f.path.endsWith('open.txt'))?.error).toBeUndefined();
    expect(out.find((f) => f.path.endsWith('geheim'))?.error).toMatch(/cannot read file: folder: .*(EACCES|permission denied)/i);
  });
});

describe('a first archive of one short file', () => {
  it('ingests it and finds it in every mode', async () => {
    const dir = tmp('small');
    const small = await openArchive({ dataDir: dir, embedder: 'builtin' });
    const note = join(work, 'notitie.txt');
    writeFileSync(note, 'Korte notitie over de gemeenteraad van Utrecht.\n');
    expect(await small.ingestFiles([note])).toMatchObject([{ status: 'ingested' }]);
    for (const mode of ['lexical', 'dense', 'hybrid'] as const) {
      expect((await small.search('gemeenteraad Utrecht', { mode, k: 3 }))[0]?.docId, mode).toBe('notitie');
    }
    expect(await small.ingestFiles([corpusFiles()[0]])).toMatchObject([{ status: 'ingested' }]);
    await small.close();
  });
});
