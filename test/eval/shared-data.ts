// Locates the team's shared evaluation data; tests skip (with the reason) when it is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../tools/shared-dir.ts';

const shared = sharedDir();

export const devSet = shared ? join(shared, 'eval/dev.jsonl') : null;
export const corpusDir = shared ? join(shared, 'corpus') : null;
export const legalDir = shared ? join(shared, 'external/bench-nl/legalqa-nl') : null;

export const haveDev = devSet !== null && existsSync(devSet) && corpusDir !== null && existsSync(corpusDir);
export const haveLegal = legalDir !== null && existsSync(join(legalDir, 'qrels.jsonl'));

export const missingDev = 'skipped: ../shared/eval/dev.jsonl or ../shared/corpus not found (set RAADSARCHIEF_SHARED)';
export const missingLegal = 'skipped: ../shared/external/bench-nl/legalqa-nl not found (set RAADSARCHIEF_SHARED)';

