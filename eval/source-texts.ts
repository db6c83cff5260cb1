// The raw texts baselines index: every .txt file of a folder, unchanged (the dev corpus, or LegalQA-NL's
// one-article-per-file corpus), so baselines see the text before any of our cleaning.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceText } from './baselines/chunks.ts';

export function readSourceTexts(dir: string): SourceText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}
