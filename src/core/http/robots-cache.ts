import robotsParserModule from 'robots-parser';
import type { Logger } from '../contracts/logger.js';

/** The part of robots-parser's result used here. */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getSitemaps(): string[];
}
// robots-parser is CommonJS exporting the function itself, but its typings declare an ES
// default export, which NodeNext resolves to the module object; the cast states the runtime truth.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

/** Why robots.txt refuses a URL; `transient` when the file could not be read (5xx, unreachable) rather than saying no. */
export interface RobotsRefusal {
  /** Human-readable reason. */
  reason: string;
  /** True when the refusal comes from an unreadable robots.txt, not from its rules. */
  transient: boolean;
}

/** What fetching a robots.txt gave: its text, or a failure with the last status seen. */
export type RobotsFetchResult = { text: string } | { reason: string; status?: number };

/** The rules of one host: a parsed file, everything allowed, or everything disallowed (with why). */
type HostRules = { robot: Robot } | { allowAll: true } | { disallowAll: string };

/**
 * robots.txt per host, fetched once and cached (RFC 9309): a missing file (4xx) allows
 * everything; an unreachable one (5xx, network) disallows everything, as the RFC requires.
 */
export class RobotsCache {
  private readonly hosts = new Map<string, Promise<HostRules>>();

  constructor(
    private readonly userAgent: string,
    private readonly fetchRobots: (url: URL) => Promise<RobotsFetchResult>,
    private readonly log: Logger,
  ) {}

  /** Undefined when `url` may be fetched, else why it may not. */
  async check(url: URL): Promise<RobotsRefusal | undefined> {
    const rules = await this.rulesFor(url);
    if ('allowAll' in rules) return undefined;
    if ('disallowAll' in rules) return { reason: rules.disallowAll, transient: true };
    // robots-parser matches groups by the product token, so pass the agent name without version.
    const agent = this.userAgent.split(/[/\s]/)[0];
    return rules.robot.isAllowed(url.href, agent) === false ? { reason: `disallowed by ${url.origin}/robots.txt`, transient: false } : undefined;
  }

  /** The `Sitemap:` URLs of `url`'s robots.txt (none when it is missing or unreadable). */
  async sitemaps(url: URL): Promise<string[]> {
    const rules = await this.rulesFor(url);
    return 'robot' in rules ? rules.robot.getSitemaps() : [];
  }

  private rulesFor(url: URL): Promise<HostRules> {
    const key = url.origin.toLowerCase();
    let rules = this.hosts.get(key);
    if (!rules) {
      rules = this.load(new URL('/robots.txt', url.origin));
      this.hosts.set(key, rules);
    }
    return rules;
  }

  private async load(robotsUrl: URL): Promise<HostRules> {
    const result = await this.fetchRobots(robotsUrl);
    if ('text' in result) return { robot: robotsParser(robotsUrl.href, result.text) };
    if (result.status !== undefined && result.status >= 400 && result.status < 500) return { allowAll: true };
    if (result.status !== undefined && result.status >= 500) {
      this.log.warn(`${robotsUrl.href} unavailable (${result.reason}); not crawling ${robotsUrl.host}`);
      return { disallowAll: `robots.txt unavailable (${result.reason}), so the host is treated as disallowed` };
    }
    if (/timed out|network error/.test(result.reason)) {
      this.log.warn(`${robotsUrl.href} unreachable (${result.reason}); not crawling ${robotsUrl.host}`);
      return { disallowAll: `robots.txt unreachable (${result.reason}), so the host is treated as disallowed` };
    }
    // Out-of-scope redirects, odd content: there are no usable rules, so nothing is restricted.
    this.log.debug(`${robotsUrl.href} not usable (${result.reason}); no restrictions`);
    return { allowAll: true };
  }
}
