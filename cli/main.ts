// `raadsarchief <command>`: a thin layer over the archive, one file per command. With --json a command prints only
// JSON on stdout; logs and progress go to stderr. Exit codes: 0 ok, 1 nothing could be done (e.g. nothing ingested),
// 2 usage error.
import { Command, CommanderError } from 'commander';
import { describeError, isArchiveError } from '../lib/errors.ts';
import type { Result } from './common.ts';
import { registerIngest } from './ingest.ts';
import { registerDocs } from './docs.ts';
import { registerShow } from './show.ts';
import { registerDelete } from './delete.ts';
import { registerStats } from './stats.ts';
import { registerSearch } from './search.ts';
import { registerAsk } from './ask.ts';
import { registerReindex } from './reindex.ts';
import { registerEval } from './eval.ts';
import { registerServe } from './serve.ts';
import { registerFetchModel } from './fetch-model.ts';

function buildProgram(result: Result): Command {
  const program = new Command('raadsarchief')
    .description('Search and cited answers over an archive of Dutch local-government policy documents')
    .option('--data <dir>', 'where the store and index live (env RAADSARCHIEF_DATA, default ./data)')
    .showHelpAfterError()
    .exitOverride();
  registerIngest(program, result);
  registerDocs(program);
  registerShow(program);
  registerDelete(program);
  registerStats(program);
  registerSearch(program);
  registerAsk(program);
  registerReindex(program);
  registerEval(program, result);
  registerServe(program);
  registerFetchModel(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const result: Result = { code: 0 };
  const program = buildProgram(result);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    const subject = isArchiveError(e) && e.subject ? `${e.subject}: ` : '';
    process.stderr.write(`error: ${subject}${describeError(e)}\n`);
    return isArchiveError(e) && USAGE_ERRORS.has(e.code) ? 2 : 1;
  }
}

const USAGE_ERRORS = new Set(['ERR_USAGE', 'ERR_BAD_REQUEST', 'ERR_NO_ARCHIVE']);
