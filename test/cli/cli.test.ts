// The CLI contract scripts rely on: `raadsarchief <command> --json` prints only JSON on stdout; exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/raadsarchief.js');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, EMBEDDER: 'builtin', ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('raadsarchief CLI', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'raadsarchief-cli-'));
  });
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('ingests the corpus folder and prints a JSON summary', async () => {
    const r = await run(['--data', data, 'ingest', 'corpus', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.outcomes).toHaveLength(5);
    expect(out.outcomes.every((o: { status: string }) => o.status === 'ingested')).toBe(true);
  });

  it('docs --json prints {"documents": [...]}', async () => {
    const r = await run(['--data', data, 'docs', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents.map((d: { id: string }) => d.id)).toContain('000_ddb77fb8e123a2aa');
  });

  it('reads the data dir from RAADSARCHIEF_DATA, and prints a readable table without --json', async () => {
    const r = await run(['docs'], { RAADSARCHIEF_DATA: data });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/000_ddb77fb8e123a2aa/);
    expect(r.stdout).toMatch(/passages/);
  });

  it('show, stats and search', async () => {
    const show = JSON.parse((await run(['--data', data, 'show', '004_10e39ddcb2732d17', '--json'])).stdout);
    expect(show.passages.length).toBeGreaterThan(0);
    const page = JSON.parse((await run(['--data', data, 'show', '004_10e39ddcb2732d17', '--page', '1', '--json'])).stdout);
    expect(page.text).toMatch(/Banningleergang/);
    const stats = JSON.parse((await run(['--data', data, 'stats', '--json'])).stdout);
    expect(stats.documents).toBe(5);
    expect(stats.vectors).toBe(stats.passages);
    const search = JSON.parse((await run(['--data', data, 'search', 'Wat is wethouderssocialisme?', '--json', '--k', '3'])).stdout);
    expect(search.hits).toHaveLength(3);
    expect(search.hits[0].document.title).toBeTruthy();
  });

  it('ask prints the answer with whose words each citation is and the place of the quoted sentence', async () => {
    const r = await run(['--data', data, 'ask', 'Wat is wethouderssocialisme?']);
    expect(r.code).toBe(0);
    // The corpus is text files without pages: the quoted sentence's paragraph.
    expect(r.stdout).toMatch(/\[1\] .+, (PvdA|Centrum voor Lokaal Bestuur \(PvdA\)|Wethoudersvereniging)?.*alinea \d+/);
    const none = await run(['--data', data, 'ask', 'Wat kost een parkeervergunning voor bewoners in Utrecht?']);
    expect(none.stdout).toContain('Hierover staat niets in het archief.');
    expect(none.stdout).toContain('Dichtstbijzijnde passages');
  });

  it('eval --answers scores the answers beside the naive baseline, as a table and as JSON', async () => {
    // Two questions written against the corpus: one with a verified quote, one the corpus does not answer.
    const qrels = join(data, 'answers.jsonl');
    writeFileSync(qrels, [
      { id: 'c1', question: 'Wat is wethouderssocialisme?', type: 'definition', relevant: [{ doc: '004_10e39ddcb2732d17.txt', quote: 'Voor Dorien Zandvliet is wethouderssocialisme het in beweging brengen van de samenleving' }] },
      { id: 'c2', question: 'Wat kost een parkeervergunning voor bewoners in Utrecht?', type: 'unanswerable', relevant: [] },
    ].map((q) => JSON.stringify(q)).join('\n'));
    const json = join(data, 'answers.json');
    const r = await run(['--data', data, 'eval', '--qrels', qrels, '--answers', '--json', json]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/extractive\s+1\.000\s+1\.000/);
    expect(r.stdout).toContain('baseline:first-2-sentences');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.targets.extractive.abstention).toMatchObject({ truePositives: 1, falsePositives: 0, f1: 1 });
  });

  it('exits 1 when nothing could be ingested, 2 on a usage error', async () => {
    const bad = join(data, 'kapot.pdf');
    writeFileSync(bad, 'geen pdf');
    const r = await run(['--data', data, 'ingest', bad, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).outcomes[0].reason).toMatch(/PDF/);
    expect((await run(['--data', data, 'search'])).code).toBe(2);
    expect((await run(['--data', data, 'frobnicate'])).code).toBe(2);
  });

  it('refuses invalid numbers and a data folder that holds no archive as usage errors, creating nothing', async () => {
    for (const args of [['show', '004_10e39ddcb2732d17', '--page', 'abc'], ['search', 'raad', '--k', '0'], ['search', 'raad', '--k', '500'], ['ask', 'raad', '--k', '1.5']]) {
      const r = await run(['--data', data, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/must be a whole number from \d+ to \d+/);
    }
    const missing = join(data, 'verkeerd-getypt');
    const r = await run(['--data', missing, 'ask', 'Wat is wethouderssocialisme?']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no archive in .*verkeerd-getypt/);
    expect(existsSync(missing)).toBe(false);
    expect((await run(['--data', data, 'show', 'bestaat-niet'])).stderr).toMatch(/no document with id "bestaat-niet"/);
  });

  it('prints progress as plain lines when stderr is not a terminal', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'raadsarchief-cli-progress-'));
    const r = await run(['--data', fresh, 'ingest', 'corpus']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^5\/5 files · \d+ pages · \d+ passages/m);
    expect(r.stderr).not.toMatch(/\x1b\[|\r/);
    rmSync(fresh, { recursive: true, force: true });
  });

  it('deletes a document', async () => {
    const r = JSON.parse((await run(['--data', data, 'delete', '003_c7bc46593598c111', '--json'])).stdout);
    expect(r.deleted).toBe(true);
    const docs = JSON.parse((await run(['--data', data, 'docs', '--json'])).stdout);
    expect(docs.documents).toHaveLength(4);
  });
});
