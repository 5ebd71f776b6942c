import { z } from 'zod';
import { BbjError, errorMessage } from '../errors/bbj-error.js';

/** One line of a question set. */
export interface Question {
  /** 1-based line in the file, for messages. */
  line: number;
  /** What a user would ask. */
  question: string;
  /** What counts as a right answer: doc keys, source or display URLs, or prefixes (ending in `/` or `*`). */
  expect: string[];
}

const lineSchema = z.object({
  question: z.string().trim().min(1, 'must be a non-empty string'),
  expect: z.array(z.string().trim().min(1, 'entries must be non-empty strings')).min(1, 'must list at least one document key or URL'),
});

/**
 * Parses a JSONL question set: one `{"question": ..., "expect": [...]}` per line; blank lines
 * and lines starting with `#` or `//` are skipped; other keys (notes) are ignored. Every bad
 * line is reported with its number.
 */
export function parseQuestionSet(text: string, file: string): Question[] {
  const questions: Question[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push(`${file}:${i + 1}: not valid JSON (${errorMessage(error)})`);
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}:${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
      return;
    }
    questions.push({ line: i + 1, ...parsed.data });
  });
  if (problems.length) {
    throw new BbjError(`The question set has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'EVAL_BAD_QUESTIONS', 'Each line: {"question": "...", "expect": ["doc key, source URL or URL prefix", ...]}.');
  }
  if (questions.length === 0) throw new BbjError(`${file} holds no questions.`, 'EVAL_NO_QUESTIONS', 'Add lines like {"question": "...", "expect": ["..."]}.');
  return questions;
}
