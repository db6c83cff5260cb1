// The CLI contract scripts rely on: `raadsarchief <command> --json` prints only JSON on stdout; exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('exits 1 when nothing could be ingested, 2 on a usage error', async () => {
    const bad = join(data, 'kapot.pdf');
    writeFileSync(bad, 'geen pdf');
    const r = await run(['--data', data, 'ingest', bad, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).outcomes[0].reason).toMatch(/PDF/);
    expect((await run(['--data', data, 'search'])).code).toBe(2);
    expect((await run(['--data', data, 'frobnicate'])).code).toBe(2);
  });

  it('deletes a document', async () => {
    const r = JSON.parse((await run(['--data', data, 'delete', '003_c7bc46593598c111', '--json'])).stdout);
    expect(r.deleted).toBe(true);
    const docs = JSON.parse((await run(['--data', data, 'docs', '--json'])).stdout);
    expect(docs.documents).toHaveLength(4);
  });
});
