// Crash injection: a child process ingests a batch and is killed with SIGKILL at a seeded random moment; the parent
// then opens the archive and checks that store and vector index agree, that every document is fully present or
// absent, that search works — and, at the end, that an ordinary ingest completes the rest.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../archive/archive.ts';
import { sha256 } from '../../ingest/prepare.ts';
import { CLI, consistencyProblems, expectedCounts, hitProblems, ROOT, rng, RUN_TS, tmp, type ExpectedCounts } from './fixtures.ts';

const CHILD = join(ROOT, 'test/reliability/crash-child.ts');
const CHILD_ENV = { ...process.env, EMBEDDER: 'builtin', DOTENV_CONFIG_QUIET: 'true', RAADSARCHIEF_QUIET: '1' };

export interface CrashOptions {
  rounds: number;
  seed: number;
  /** The batch each child ingests (a file that changes between rounds is added: replacements get killed too). */
  files: string[];
  dataDir: string;
  workDir: string;
  /** Ingested (in-process) before the first kill, so that the built-in embedder is fitted and the kills land in
   *  the commit loop rather than in the fit; without them the first rounds kill the fit. */
  seedFiles?: string[];
  /** Which child to kill: the small script (reports when it has opened the archive), the CLI, or alternating. */
  via?: 'script' | 'cli' | 'mixed';
  log?: (line: string) => void;
}

export interface RoundReport {
  round: number;
  via: 'script' | 'cli';
  /** How the kill was placed: "spawn+Nms", "opened+Nms" or "commit#k+Nms". */
  at: string;
  delayMs: number;
  killed: boolean;
  /** The last line the child printed before it died. */
  lastLine: string;
  documents: number;
  passages: number;
  problems: string[];
}

export interface CrashReport {
  rounds: RoundReport[];
  killsInjected: number;
  completedBeforeKill: number;
  final: { documents: number; expectedDocuments: number; problems: string[] };
  problems: string[];
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  openedAt?: number;
  spawnedAt: number;
  endedAt: number;
}

/** When to SIGKILL a child: `ms` after it was spawned, after it reported "opened", or after its `commits`-th
 *  committed document (a progress line whose passage count rose), the last giving kills inside the commit loop. */
type KillPlan = { from: 'spawn' | 'opened'; ms: number } | { from: 'commit'; commits: number; ms: number };

function runChild(args: string[], plan?: KillPlan): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: CHILD_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    const run: ChildRun = { code: null, signal: null, stdout: '', stderr: '', spawnedAt: performance.now(), endedAt: 0 };
    let timer: NodeJS.Timeout | undefined;
    let commits = 0;
    let passages = 0;
    const arm = () => {
      if (plan && !timer) timer = setTimeout(() => child.kill('SIGKILL'), plan.ms);
    };
    if (plan?.from === 'spawn') arm();
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      run.stdout += d.toString();
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('opened')) {
          run.openedAt = performance.now();
          if (plan?.from === 'opened') arm();
        }
        const m = /^progress \d+\/\d+ (\d+)/.exec(line);
        // A commit shows as a rise in the passage count (unchanged files report progress too).
        if (m && Number(m[1]) > passages) {
          passages = Number(m[1]);
          if (plan?.from === 'commit' && ++commits >= plan.commits) arm();
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      run.stderr = (run.stderr + d.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      run.code = code;
      run.signal = signal;
      run.endedAt = performance.now();
      resolve(run);
    });
  });
}

const scriptArgs = (dataDir: string, files: string[]) => [RUN_TS, CHILD, dataDir, ...files];
const cliArgs = (dataDir: string, files: string[]) => [CLI, '--data', dataDir, 'ingest', '--json', ...files];

/** Three contents for one file name, so some rounds kill a replacement. */
function variantText(base: string[], v: number): string {
  return [`Wisselend document, versie ${v + 1}`, ...base.slice(v, v + 3)].join('\n\n') + '\n';
}

export async function crashLoop(opts: CrashOptions): Promise<CrashReport> {
  const log = opts.log ?? (() => undefined);
  const random = rng(opts.seed);
  const baseParas = opts.files.slice(0, 6).map((f) => readFileSync(f, 'utf8'));
  const variantPath = join(opts.workDir, 'wisselend.txt');
  const variants = [0, 1, 2].map((v) => variantText(baseParas, v));
  const expected: ExpectedCounts = await expectedCounts([...opts.files, ...(opts.seedFiles ?? [])]);
  for (const v of variants) {
    writeFileSync(variantPath, v);
    await expectedCounts([variantPath], expected);
  }
  const batch = [...(opts.seedFiles ?? []), ...opts.files, variantPath];

  if (opts.seedFiles?.length) {
    const seeded = await openArchive({ dataDir: opts.dataDir, embedder: 'builtin' });
    await seeded.ingestFiles(opts.seedFiles);
    await seeded.close();
  }

  // Calibrate: how long a clean run takes to open the archive and to ingest the batch.
  const scratch = tmp('crash-calibrate');
  cpSync(opts.dataDir, scratch, { recursive: true });
  const cal = await runChild(scriptArgs(scratch, batch));
  if (cal.code !== 0) throw new Error(`calibration run failed (${cal.code}): ${cal.stderr}`);
  const startupMs = cal.openedAt! - cal.spawnedAt;
  const ingestMs = Number(/ingested (\d+)/.exec(cal.stdout)?.[1] ?? 2000);
  const idle = await runChild(cliArgs(scratch, batch)); // everything unchanged: CLI start-up and shut-down
  const cliIdleMs = idle.endedAt - idle.spawnedAt;
  rmSync(scratch, { recursive: true, force: true });
  log(`calibration: start-up ${startupMs.toFixed(0)} ms, ingest of ${batch.length} files ${ingestMs} ms, idle CLI run ${cliIdleMs.toFixed(0)} ms`);

  const rounds: RoundReport[] = [];
  /** Documents the next child has to commit (missing ones, plus the file that changes every round). */
  let pendingWork = batch.length - (opts.seedFiles?.length ?? 0);
  for (let r = 0; r < opts.rounds; r++) {
    writeFileSync(variantPath, variants[r % 3]);
    const via = opts.via === 'cli' || (opts.via === 'mixed' && r % 2 === 1) ? 'cli' : 'script';
    // Script: two rounds in three after a random number of commits plus a few ms (inside the next commit), else at a
    // random moment of the ingest. CLI: at a random moment from late start-up to a little past the end.
    let plan: KillPlan;
    if (via === 'cli') plan = { from: 'spawn', ms: Math.round(cliIdleMs * 0.7 + random() * ingestMs * 1.3) };
    else if (random() < 2 / 3) plan = { from: 'commit', commits: 1 + Math.floor(random() * Math.max(1, pendingWork - 1)), ms: Math.floor(random() * 30) };
    else plan = { from: 'opened', ms: Math.round(random() * ingestMs * 1.1) };
    const delayMs = plan.ms;
    const run = await runChild(via === 'script' ? scriptArgs(opts.dataDir, batch) : cliArgs(opts.dataDir, batch), plan);
    const killed = run.signal === 'SIGKILL';
    const problems: string[] = [];
    if (!killed && run.code !== 0) problems.push(`child exited with ${run.code} before the kill: ${run.stderr.slice(-500)}`);

    const archive = await openArchive({ dataDir: opts.dataDir, embedder: 'builtin' });
    try {
      problems.push(...consistencyProblems(archive, expected));
      try {
        for (const mode of ['hybrid', 'lexical', 'dense'] as const) {
          const hits = await archive.search('Wat is wethouderssocialisme?', { mode, k: 5 });
          problems.push(...hitProblems(archive, hits, expected));
        }
      } catch (e) {
        problems.push(`search failed after the crash: ${(e as Error).message}`);
      }
      const h = archive.health();
      const lastLine = run.stdout.trim().split('\n').at(-1)?.slice(0, 80) ?? '';
      const at = plan.from === 'commit' ? `commit#${plan.commits}+${plan.ms}ms` : `${plan.from}+${plan.ms}ms`;
      rounds.push({ round: r, via, at, delayMs, killed, lastLine, documents: h.documents, passages: h.passages, problems });
      log(`round ${r} (${via}): ${killed ? `killed at ${at}` : `finished before the kill (${at})`} at "${lastLine}"; ` +
        `${h.documents} docs, ${h.passages} passages, ${h.vectors} vectors; ${problems.length ? problems.join('; ') : 'consistent'}`);
      // Take some documents out again, so that the next child has work to be killed in.
      for (const d of archive.listDocuments()) if (random() < 0.4) await archive.deleteDocument(d.id);
      pendingWork = batch.length - archive.listDocuments().length + 1;
    } finally {
      await archive.close();
    }
  }

  // The next ordinary ingest (through the CLI) completes the rest.
  const done = await runChild(cliArgs(opts.dataDir, batch));
  const finalProblems: string[] = [];
  if (done.code !== 0) finalProblems.push(`final ingest exited with ${done.code}: ${done.stderr.slice(-500)}`);
  const archive = await openArchive({ dataDir: opts.dataDir, embedder: 'builtin' });
  let documents = 0;
  try {
    finalProblems.push(...consistencyProblems(archive, expected));
    const docs = archive.listDocuments();
    documents = docs.length;
    const want = new Set(batch.map((f) => sha256(new Uint8Array(readFileSync(f)))));
    const have = new Set(docs.map((d) => d.sha256));
    for (const s of want) if (!have.has(s)) finalProblems.push(`after the final ingest, content ${s.slice(0, 12)} is missing`);
    const hits = await archive.search('Wat is wethouderssocialisme?', { k: 5 });
    if (!hits.some((h) => h.text.toLowerCase().includes('wethouderssocialisme'))) finalProblems.push('search no longer finds wethouderssocialisme');
  } finally {
    await archive.close();
  }
  log(`final ingest: ${documents} of ${batch.length} documents; ${finalProblems.length ? finalProblems.join('; ') : 'consistent'}`);

  const killsInjected = rounds.filter((r) => r.killed).length;
  return {
    rounds,
    killsInjected,
    completedBeforeKill: rounds.length - killsInjected,
    final: { documents, expectedDocuments: batch.length, problems: finalProblems },
    problems: [...rounds.flatMap((r) => r.problems.map((p) => `round ${r.round}: ${p}`)), ...finalProblems],
  };
}
