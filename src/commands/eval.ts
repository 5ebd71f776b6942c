import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { formatEval } from '../cli/eval-format.js';
import { configFlags } from '../cli/flags.js';
import { openStoreSession, queryEmbedder } from '../cli/store-session.js';
import { BbjError, ExitCode } from '../core/errors/bbj-error.js';
import { evaluate, parseQuestionSet, type EvalReport } from '../core/eval/index.js';
import { SEARCH_MODES, Searcher, type SearchMode } from '../core/search/index.js';

export default class Eval extends BbjCommand {
  static override summary = 'Measure retrieval: recall@1/5/10 and MRR of a question set, per search mode.';
  static override description = `FILE is JSONL, one question per line:
  {"question": "How do I open a window?", "expect": ["gui/first-window.mdx", "https://example.com/docs/gui/*"]}
An expect entry matches a result whose document key, source URL or display URL equals it; an entry ending in "/" or "*" is a prefix. Blank lines and lines starting with # are skipped.

Each question is searched in each mode (top 10). recall@k is the share of a question's expect entries found in the top k, averaged over questions; MRR averages 1/rank of the first matching result (0 when none in the top 10). The questions with no match in the top 10 are listed with what came instead.

To compare two chunking settings or two embedders: run eval, change the setting, re-ingest (--clean), run eval again.

Exit codes: 0 measured, 2 configuration, question file or store error.`;
  static override examples = [
    '<%= config.bin %> eval examples/sample/questions.jsonl --config examples/sample/sources.toml',
    '<%= config.bin %> eval questions.jsonl --mode hybrid --mode keyword --json',
  ];
  static override args = { file: Args.string({ required: true, description: 'JSONL question set.' }) };
  static override flags = {
    ...configFlags,
    mode: Flags.string({ char: 'm', options: [...SEARCH_MODES], multiple: true, summary: 'Mode to measure (repeatable; default all three).' }),
    source: Flags.string({ char: 's', multiple: true, summary: 'Search only this source (repeatable).', helpValue: 'NAME' }),
  };

  async run(): Promise<EvalReport | undefined> {
    const { args, flags } = await this.parse(Eval);
    const modes = (flags.mode?.length ? [...new Set(flags.mode)] : [...SEARCH_MODES]) as SearchMode[];
    return this.respond(flags.json, async () => {
      const file = path.resolve(args.file);
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new BbjError(`Cannot read the question set ${file}: ${error.code ?? error.message}.`, 'EVAL_NO_FILE', 'Give the path of a JSONL file, e.g. examples/sample/questions.jsonl.');
      });
      const questions = parseQuestionSet(text, args.file);
      const session = await openStoreSession(this.config, flags);
      try {
        const searcher = await Searcher.open(session.sql, modes.some((m) => m !== 'keyword') ? queryEmbedder(session) : undefined);
        searcher.assertKnownSources(flags.source);
        const results = await evaluate(searcher, questions, modes, { sources: flags.source });
        return { file: args.file, store: searcher.facts.store, embeddingModel: searcher.facts.embeddingModel ?? null, questionCount: questions.length, sources: flags.source ?? [], modes: results };
      } finally {
        await session.sql.close();
      }
    }, () => ExitCode.ok, formatEval);
  }
}
