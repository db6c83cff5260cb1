// Reads question sets (JSONL, format of ../shared/eval/README.md): one question a line, validated, with
// errors that name file:line and the offending field.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ArchiveError } from '../lib/errors.ts';
import type { Question } from './types.ts';

const relevantSchema = z.object({
  doc: z.string().min(1),
  quote: z.string().min(1).optional(),
});

const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  type: z.string().min(1),
  answer: z.string().default(''),
  relevant: z.array(relevantSchema),
});

/** Parses JSONL text; `source` names the file in error messages. */
export function parseQuestions(text: string, source: string): Question[] {
  const questions: Question[] = [];
  const ids = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new ArchiveError('ERR_USAGE', `${where}: not valid JSON (${(e as Error).message})`, where);
    }
    const parsed = questionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length > 0 ? issue.path.join('.') : '(line)';
      throw new ArchiveError('ERR_USAGE', `${where}: field "${field}": ${issue.message}`, where);
    }
    const q = parsed.data;
    if (ids.has(q.id)) throw new ArchiveError('ERR_USAGE', `${where}: field "id": duplicate id "${q.id}"`, where);
    if (q.type !== 'unanswerable' && q.relevant.length === 0) {
      throw new ArchiveError('ERR_USAGE', `${where}: field "relevant": empty for a "${q.type}" question`, where);
    }
    ids.add(q.id);
    questions.push(q);
  });
  return questions;
}

export function loadQuestions(path: string): Question[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ArchiveError('ERR_FILE_UNREADABLE', (e as Error).message, path);
  }
  return parseQuestions(text, path);
}
