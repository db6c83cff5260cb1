// The process a crash test kills: opens the archive, says so on stdout, ingests the files it is given, reporting
// each step on stdout, and closes. Run with `node bin/run-ts.js test/reliability/crash-child.ts <dataDir> <files…>`.
import { openArchive } from '../../archive/archive.ts';

const [dataDir, ...files] = process.argv.slice(2);
const t0 = performance.now();
const archive = await openArchive({ dataDir, embedder: 'builtin' });
process.stdout.write(`opened ${Math.round(performance.now() - t0)}\n`);
const t1 = performance.now();
await archive.ingestFiles(files, { onProgress: (p) => process.stdout.write(`progress ${p.filesDone}/${p.filesTotal} ${p.passages}\n`) });
process.stdout.write(`ingested ${Math.round(performance.now() - t1)}\n`);
await archive.close();
process.stdout.write('closed\n');
