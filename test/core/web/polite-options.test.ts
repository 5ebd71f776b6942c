import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webCrawlParser } from '../../../src/plugins/web-crawl/web-crawl-parser.js';
import { wordpressAdvantageParser } from '../../../src/plugins/wordpress/advantage-parser.js';
import { wordpressKbParser } from '../../../src/plugins/wordpress/kb-parser.js';

describe('request pacing: one option set and one mapping for every web parser', () => {
  const pacing = { rate_limit_ms: 7, max_in_flight: 3, timeout_ms: 1234, max_attempts: 2, respect_robots: false };
  const parsers = [
    ['web-crawl', webCrawlParser, 500],
    ['wordpress-advantage', wordpressAdvantageParser, 1000],
    ['wordpress-kb', wordpressKbParser, 1000],
  ] as const;
  for (const [name, parser, defaultPace] of parsers) {
    test(`${name}: options become client settings; its own default pace`, () => {
      const settings = parser.http!(parser.optionsSchema.parse(pacing) as never);
      assert.deepEqual(
        { ...settings, scope: undefined, allowedContentTypes: undefined, maxPages: undefined },
        { scope: undefined, allowedContentTypes: undefined, maxPages: undefined, perHostIntervalMs: 7, perHostConcurrency: 3, timeoutMs: 1234, maxAttempts: 2, respectRobots: false },
      );
      assert.equal((parser.optionsSchema.parse({}) as { rate_limit_ms: number }).rate_limit_ms, defaultPace);
    });
  }
});
