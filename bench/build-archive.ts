// Builds an archive of about N passages the way `npm run bench -- --full` does (corpus, law texts, then seeded
// synthetic documents), into a folder that stays, for experiments with load, profiles and start-up:
//   node bin/run-ts.js bench/build-archive.ts <dataDir> [passages=100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusFiles, lawFiles, sentencePool } from './lib/sources.ts';
import { calibrateSynthetic, measureIngest, measurePrepare, scaleFiles } from './sections/ingest.ts';

const [dataDir, target = '100000'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: build-archive.ts <dataDir> [passages]');
const corpus = corpusFiles();
const laws = lawFiles();
const perFile = new Map([...(await measurePrepare('corpus', corpus)).perFile, ...(await measurePrepare('laws', laws)).perFile]);
const pool = sentencePool([...corpus, ...laws]);
const synthRoot = mkdtempSync(join(tmpdir(), 'raadsarchief-synth-'));
try {
  const charsPerPassage = await calibrateSynthetic(synthRoot, pool);
  const { files } = scaleFiles(Number(target), { corpus, laws, perFile, pool, charsPerPassage }, synthRoot);
  const { result, archive } = await measureIngest(`~${target} passages`, files, dataDir);
  await archive.close();
  console.log(JSON.stringify({ dataDir, passages: result.passages, files: result.files, seconds: Math.round(result.ms / 1000), phases: result.phases, inCommit: result.inCommit, embedderFitMs: result.embedderFitMs, cores: result.cores }));
} finally {
  rmSync(synthRoot, { recursive: true, force: true });
}
