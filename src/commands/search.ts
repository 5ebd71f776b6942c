import { Args, Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { configFlags } from '../cli/flags.js';
import { formatSearch, type SearchResult } from '../cli/search-format.js';
import { openStoreSession, queryEmbedder } from '../cli/store-session.js';
import { ExitCode } from '../core/errors/bbj-error.js';
import { SEARCH_MODES, Searcher, type SearchMode } from '../core/search/index.js';
import { normaliseGenerationLabel } from '../core/enricher-vocabulary.js';

export default class Search extends BbjCommand {
  static override summary = 'Search the store the way the retrieval API does: hybrid, dense or keyword.';
  static override description = `dense: nearest chunks by cosine distance to the query's embedding (score = 1 - distance).
keyword: chunks matching the query as plain text in the English text-search configuration, ranked by ts_rank_cd over search_vector.
hybrid (default): the top 20 of each, every row scored 1/(rank + 50) in each list and summed (reciprocal rank fusion).

The query is embedded with the configured [embedder]; it must be the model and dimension the store was ingested with. Keyword search needs no embedder. Reads the store only (no writer lock on PostgreSQL; the embedded store is opened exclusively while the command runs).

Exit codes: 0 the search ran (with or without results), 2 configuration or store error.`;
  static override examples = [
    '<%= config.bin %> search "how do I open a window"',
    '<%= config.bin %> search "BBjGrid setColumnWidth" --mode keyword --limit 5',
    '<%= config.bin %> search "responsive layout" --source mdx-dwc --generation dwc --json',
  ];
  static override args = { query: Args.string({ required: true, description: 'What to search for.' }) };
  static override flags = {
    ...configFlags,
    mode: Flags.string({ char: 'm', options: [...SEARCH_MODES], default: 'hybrid', summary: 'Retrieval function.' }),
    limit: Flags.integer({ char: 'n', min: 1, max: 200, default: 10, summary: 'Results to show.', helpValue: 'N' }),
    source: Flags.string({ char: 's', multiple: true, summary: 'Only this source (repeatable); unknown names are an error.', helpValue: 'NAME' }),
    generation: Flags.string({ char: 'g', summary: 'Only chunks whose generations contain this label (bbj-gui = bbj_gui).', helpValue: 'LABEL' }),
    'doc-type': Flags.string({ char: 't', multiple: true, summary: 'Only this document type (repeatable).', helpValue: 'TYPE' }),
  };

  async run(): Promise<SearchResult | undefined> {
    const { args, flags } = await this.parse(Search);
    const mode = flags.mode as SearchMode;
    return this.respond(flags.json, async () => {
      const session = await openStoreSession(this.config, flags);
      try {
        const searcher = await Searcher.open(session.sql, mode === 'keyword' ? undefined : queryEmbedder(session));
        searcher.assertKnownSources(flags.source);
        const filters = { sources: flags.source ?? [], generation: flags.generation ? normaliseGenerationLabel(session.services.registry.enrichers(), flags.generation) : null, docTypes: flags['doc-type'] ?? [] };
        const results = await searcher.search(args.query, mode, flags.limit, { ...filters, generation: filters.generation ?? undefined });
        return { query: args.query, mode, limit: flags.limit, filters, store: searcher.facts.store, embeddingModel: searcher.facts.embeddingModel ?? null, results };
      } finally {
        await session.sql.close();
      }
    }, () => ExitCode.ok, (result) => formatSearch(result));
  }
}
