// The house rules the code keeps, checked on every run: no production file over 350 lines, no function over 80, and
// nothing at run time reads the team's ../shared folder (it is for building, testing and measuring only).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const RUNTIME = ['lib', 'ingest', 'language', 'index', 'store', 'retrieval', 'answer', 'archive', 'api', 'cli'];
const PRODUCTION = [...RUNTIME, 'eval', 'bench', 'tools'];

function files(folders: string[], pattern = /\.(ts|mjs|js)$/): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...folders], { cwd: ROOT, encoding: 'utf8' });
  return listed.split('\n').filter((f) => pattern.test(f) && !f.startsWith('bench/results/'));
}

function longFunctions(file: string, max: number): string[] {
  const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) && 'body' in n && n.body) {
      const first = src.getLineAndCharacterOfPosition(n.getStart()).line;
      const lines = src.getLineAndCharacterOfPosition(n.getEnd()).line - first + 1;
      if (lines > max) out.push(`${file}:${first + 1} (${lines} lines)`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('layout', () => {
  it('keeps every production file within 350 lines', () => {
    const long = files(PRODUCTION).filter((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').length > 350);
    expect(long).toEqual([]);
  });

  it('keeps every production function within 80 lines', () => {
    expect(files(PRODUCTION, /\.ts$/).flatMap((f) => longFunctions(f, 80))).toEqual([]);
  });

  it('never reads ../shared at run time', () => {
    const readers = files(RUNTIME, /\.ts$/).filter((f) => /sharedDir\(|['"`]\.\.\/(\.\.\/)*shared\//.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(readers.filter((f) => f !== 'lib/config.ts')).toEqual([]);
  });
});
