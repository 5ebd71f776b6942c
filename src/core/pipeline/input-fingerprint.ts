import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/**
 * Cheap fingerprints of a parser's input units (a file, or a topic with everything it
 * includes), so an unchanged unit is recognised before it is parsed. A fingerprint is
 * `statDigest:contentDigest`: the first covers path, size and mtime of every file (no read),
 * the second their contents (read and hashed only when the first differs, or to store it).
 * Both include the `shaping` digest, so a change of chunking, model, rule versions or source
 * settings makes every unit "changed". Files shared by many units (Flare snippets, TOCs) are
 * stat-ed and hashed once per run.
 */
export class InputFingerprinter {
  private readonly stats = new Map<string, Promise<string>>();
  private readonly hashes = new Map<string, Promise<string>>();

  /** `shaping`: everything besides the files that shapes the unit's rows. */
  constructor(private readonly shaping: string) {}

  /** Digest of the files' paths, sizes and modification times. */
  async statDigest(files: readonly string[]): Promise<string> {
    const parts = await Promise.all(unique(files).map(async (f) => `${f}\u0000${await this.statOf(f)}`));
    return digest(this.shaping, parts);
  }

  /** Digest of the files' paths and contents. */
  async contentDigest(files: readonly string[]): Promise<string> {
    const parts = await Promise.all(unique(files).map(async (f) => `${f}\u0000${await this.hashOf(f)}`));
    return digest(this.shaping, parts);
  }

  /**
   * Compares a stored fingerprint with the files now. Returns `unchanged` and the fingerprint to
   * store (refreshed when only mtimes moved, so the next run decides by `stat` alone again).
   */
  async compare(stored: string | undefined, files: readonly string[]): Promise<{ unchanged: boolean; fingerprint: string }> {
    const statNow = await this.statDigest(files);
    const [statThen, contentThen] = (stored ?? '').split(':');
    if (stored && statThen === statNow) return { unchanged: true, fingerprint: stored };
    const contentNow = await this.contentDigest(files);
    return { unchanged: !!stored && contentThen === contentNow, fingerprint: `${statNow}:${contentNow}` };
  }

  private statOf(file: string): Promise<string> {
    let known = this.stats.get(file);
    if (!known) {
      known = stat(file).then(
        (s) => `${s.size}\u0000${s.mtimeMs}`,
        () => 'missing',
      );
      this.stats.set(file, known);
    }
    return known;
  }

  private hashOf(file: string): Promise<string> {
    let known = this.hashes.get(file);
    if (!known) {
      known = readFile(file).then(
        (bytes) => createHash('sha256').update(bytes).digest('hex'),
        () => 'missing',
      );
      this.hashes.set(file, known);
    }
    return known;
  }
}

function unique(files: readonly string[]): string[] {
  return [...new Set(files)].sort();
}

function digest(shaping: string, parts: string[]): string {
  const hash = createHash('sha256').update(shaping);
  for (const part of parts) hash.update('\u0001').update(part);
  return hash.digest('hex').slice(0, 32);
}
