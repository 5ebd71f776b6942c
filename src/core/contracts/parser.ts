import type { z } from 'zod';
import type { DocumentInput, JsonValue } from './document.js';
import type { HttpClient, HttpSourceSettings } from './http.js';
import type { Logger } from './logger.js';

/** The source entry from `sources.toml`, resolved. */
export interface SourceInfo {
  /** Unique, URL-safe source name (also a `source_url` scheme for some parsers). */
  name: string;
  /** Parser type name. */
  parser: string;
  /** `paths` resolved to absolute paths against the data directory. */
  paths: string[];
  /** `generation_tag` from the config; `auto` means "use the enrichment rules". */
  generationTag: string;
  /** Display label for the source (`source_type`), if configured. */
  label?: string;
  /** Base URL for display links, if configured. */
  displayBaseUrl?: string;
  /** `max_file_bytes`: files and pages larger than this are skipped with the reason (default 20 MB). */
  maxFileBytes?: number;
  /** `parse_timeout_s` in milliseconds: a document that takes longer to parse is skipped and named (default 60 s). */
  parseTimeoutMs?: number;
}

/** A document or file the parser could not use, with the reason; listed in the run summary. */
export interface SkippedItem {
  /** Path or URL of what was skipped. */
  item: string;
  /** Why it was skipped (`not well-formed XML at line 3`, `encrypted PDF`). */
  reason: string;
}

/** Progress of a parser, shown in the task tree. */
export interface ParserProgress {
  /** Items handled so far. */
  done?: number;
  /** Items expected in all, when known. */
  total?: number;
  /** Short status text (`reading TOCs`). */
  message?: string;
}

/** Everything a parser gets from the host; parsers do no global I/O setup of their own. */
export interface ParserContext<Options = unknown> {
  /** The source being parsed. */
  source: SourceInfo;
  /** The source's `options` table, validated by the parser's `optionsSchema`. */
  options: Options;
  /** The data directory that relative paths were resolved against. */
  dataDir: string;
  /** Shared polite HTTP client (rate limits, retries, robots.txt, conditional requests). */
  http: HttpClient;
  /** Diagnostics. */
  log: Logger;
  /** Reports progress to the task tree. */
  progress(update: ParserProgress): void;
  /** Records a file or URL that could not be used; the run goes on. */
  skip(item: string, reason: string): void;
  /** Tells the host that a document still exists unchanged without yielding it (for example after an HTTP 304). */
  unchanged(key: string): void;
  /**
   * Tells the host that this run's enumeration is not complete (a page limit was reached, a
   * listing answered 5xx or timed out): documents the source had before but not seen this run
   * are then kept, not swept. Call it once per cause; the reason is shown in the summary.
   * Hosts may omit this (then nothing is swept-protected: parsers call `ctx.incomplete?.(...)`).
   */
  incomplete?(reason: string): void;
  /**
   * Tells the host that a document it may have stored is gone from the source (a page answered
   * 404 or 410): it is deleted even when the run is incomplete and nothing else is swept.
   * Hosts may omit this (then only a complete run's sweep removes it).
   */
  gone?(key: string, reason: string): void;
  /** What the store kept for a document at the last run (its `parserState`), if it has one. Hosts may omit this. */
  stored?(key: string): Promise<{ parserState?: JsonValue } | undefined>;
  /**
   * Skip before parsing: asks whether an input unit (a file; a topic with every snippet, variable
   * set, condition set and TOC it depends on) is unchanged since the last run, judged by a cheap
   * fingerprint of `files` (absolute paths: size and mtime, confirmed by a content hash when those
   * differ; settings that shape rows are part of it). When true, every document the unit produced
   * last time is counted as seen and the parser skips the unit without reading it. When false,
   * the documents yielded next (until the next call) belong to this unit. Call it at the top of
   * the loop over units: `if (await ctx.inputUnchanged?.(id, [file])) continue;`. Hosts may omit it.
   */
  inputUnchanged?(unit: string, files: string[]): Promise<boolean>;
  /** Aborted when the run is cancelled. */
  signal: AbortSignal;
}

/** A folder, scanned once by `bbj init`, that parsers look at to propose sources. */
export interface FolderScan {
  /** Absolute path of the folder. */
  root: string;
  /** Files below it, as relative POSIX paths (dependency, VCS and build folders left out). */
  files: readonly string[];
  /** The first bytes of a file (relative path) as UTF-8, for a quick look at its content. */
  peek(file: string): Promise<string>;
}

/** A source a parser proposes for `sources.toml` after looking at a folder. */
export interface DetectedSource {
  /** Suggested source name (URL-safe; the host makes it unique). */
  name: string;
  /** Paths relative to the scanned folder. */
  paths: string[];
  /** Source options worth writing down (only what differs from the defaults). */
  options?: Record<string, unknown>;
  /** Suggested display label (`source_type`). */
  label?: string;
  /** One line saying what was recognised (`MadCap Flare project docs.flprj`), written as a comment. */
  note: string;
}

/** Validation problem found before any ingestion (missing path, bad option). */
export interface ValidationIssue {
  /** What is wrong and how to fix it, naming the path, key or URL. */
  message: string;
}

/**
 * A source type. A value, not a class: a name, an options schema, an optional validation
 * step and the parse method. The same shape serves built-in and third-party parsers.
 */
export interface Parser<Options = unknown> {
  /** Type name used as `parser = "..."` in `sources.toml`. */
  type: string;
  /** One line for `bbj parsers` and error messages. */
  description: string;
  /** zod schema of the source's `options` table; unknown keys should be rejected. */
  optionsSchema: z.ZodType<Options>;
  /** Whether `paths` must name at least one existing file or directory (false for URL sources). */
  requiresPaths: boolean;
  /**
   * The version of the parser's conversion rules. Raise it when the same input now gives other
   * documents: skip-before-parse then reads every unchanged input unit again (a document whose
   * text comes out the same is still not re-embedded).
   */
  version?: string;
  /** For parsers that read over HTTP: the scope and limits of the source's HTTP client, from its options. */
  http?(options: Options): HttpSourceSettings;
  /** Preflight checks (paths, reachable URLs); never writes anything. */
  validate?(ctx: ParserContext<Options>): Promise<ValidationIssue[]>;
  /** Proposes sources for `bbj init` from a scanned folder; never reads outside it or writes. */
  detect?(scan: FolderScan): Promise<DetectedSource[]>;
  /** Yields documents lazily; a bad item is reported with `ctx.skip` and parsing goes on. */
  parse(ctx: ParserContext<Options>): AsyncIterable<DocumentInput>;
}
