// What every command shares: the global options, JSON-or-human output, opening the archive, validated numbers.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { dataDir } from '../lib/config.ts';
import { ArchiveError } from '../lib/errors.ts';
import type { Archive } from '../archive/api.ts';
import { openArchive } from '../archive/archive.ts';

export interface Globals {
  data?: string;
  json?: boolean;
}

/** Where a command leaves its exit code (0 ok, 1 nothing could be done, 2 usage error). */
export interface Result {
  code: number;
}

/** A command on the program, with --json. */
export function command(program: Command, name: string, description: string): Command {
  return program.command(name).description(description).option('--json', 'print only JSON on stdout');
}

export function print(json: boolean | undefined, value: unknown, human: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Opens the archive for one command and closes it afterwards. Reading commands refuse a data folder that holds no
 *  archive (a mistyped --data would otherwise create an empty one and answer from it). */
export async function withArchive<T>(g: Globals, fn: (a: Archive) => Promise<T>, opts: { create?: boolean } = {}): Promise<T> {
  const dir = dataDir(g.data);
  if (!opts.create && !existsSync(join(dir, 'archive.sqlite'))) {
    throw new ArchiveError('ERR_NO_ARCHIVE', dir);
  }
  const archive = await openArchive({ dataDir: dir });
  try {
    return await fn(archive);
  } finally {
    await archive.close();
  }
}

/** An integer option within [min, max]; anything else is a usage error naming the option. */
export function intOption(flag: string, description: string, min: number, max: number): Option {
  return new Option(flag, `${description} (${min}-${max})`).argParser((v: string) => {
    const n = Number(v);
    if (!/^\s*-?\d+\s*$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new ArchiveError('ERR_USAGE', `${flag.split(' ')[0]} must be a whole number from ${min} to ${max}, got "${v}"`);
    }
    return n;
  });
}

/** The OCR mark of a span read from a scan, with Tesseract's confidence. */
export function ocrLabel(ocr: { confidence: number } | undefined): string {
  return ocr ? ` · tekst uit scan (OCR, ${Math.round(ocr.confidence * 100)}%)` : '';
}
