import { closeSync, fstatSync, openSync, readSync, realpathSync, statSync, constants as fsConstants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../errors/bbj-error.js';

/** Default of a source's `max_file_bytes`: larger files (and pages) are skipped with the reason. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A path the guard allows, with its real location and size; or why it refuses it. */
export type FileCheck = { ok: true; real: string; size: number; isDirectory: boolean } | { ok: false; reason: string };

/** A file read through the guard, or why it was refused. */
export type FileRead = { ok: true; real: string; bytes: Buffer } | { ok: false; reason: string };

// O_NOFOLLOW: the real path has no links left; a link swapped in after the check is refused, not followed.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);

/** True when `target` is `root` or below it (both absolute, already real paths). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function explain(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'ENOENT') return 'not found (or a broken symbolic link)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read ${file} (${code ?? errorMessage(error)})`;
}

/**
 * The one gate every file a parser opens goes through: the path must resolve, symbolic links
 * included, inside one of the allowed roots (the data directory), be a regular file or a
 * directory, and a file must not be larger than `maxBytes`. Reads stop at `maxBytes`, so a file
 * that grows after the check still cannot take more memory than that.
 */
export class FileGuard {
  private readonly realRoots: string[];

  constructor(
    roots: readonly string[],
    /** Files larger than this are refused (`max_file_bytes`). */
    readonly maxBytes: number = DEFAULT_MAX_FILE_BYTES,
  ) {
    // A root that does not exist allows nothing below it; realpath so a linked data dir works.
    this.realRoots = roots.map((r) => {
      try {
        return realpathSync(path.resolve(r));
      } catch {
        return path.resolve(r);
      }
    });
  }

  /** The guard for a parser context: the data directory, the source's `maxFileBytes`. */
  static forSource(dataDir: string, source: { maxFileBytes?: number }): FileGuard {
    return new FileGuard([dataDir], source.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  }

  /** Where the guard allows reading (for messages). */
  get roots(): readonly string[] {
    return this.realRoots;
  }

  private judge(file: string, real: string, info: { size: number; isFile(): boolean; isDirectory(): boolean }): FileCheck {
    if (!this.realRoots.some((root) => isInside(root, real))) {
      const via = real === path.resolve(file) ? '' : ` (it resolves to ${real})`;
      return { ok: false, reason: `outside the data directory ${this.realRoots.join(', ')}${via}; only files inside it are read` };
    }
    if (info.isDirectory()) return { ok: true, real, size: 0, isDirectory: true };
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > this.maxBytes) return { ok: false, reason: `${mib(info.size)} is larger than max_file_bytes (${mib(this.maxBytes)})` };
    return { ok: true, real, size: info.size, isDirectory: false };
  }

  /** Checks a path without reading it. */
  async check(file: string): Promise<FileCheck> {
    try {
      const real = await realpath(file);
      return this.judge(file, real, await stat(real));
    } catch (error) {
      return { ok: false, reason: explain(error, file) };
    }
  }

  /** `check`, synchronously (for parsers whose file reads are synchronous). */
  checkSync(file: string): FileCheck {
    try {
      const real = realpathSync(file);
      return this.judge(file, real, statSync(real));
    } catch (error) {
      return { ok: false, reason: explain(error, file) };
    }
  }

  /** Reads a whole file if the guard allows it. */
  async read(file: string): Promise<FileRead> {
    const checked = await this.check(file);
    if (!checked.ok) return checked;
    if (checked.isDirectory) return { ok: false, reason: 'a directory, not a file' };
    let handle;
    try {
      handle = await open(checked.real, OPEN_FLAGS);
      const size = Math.min((await handle.stat()).size, this.maxBytes + 1);
      const bytes = Buffer.alloc(size);
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return this.filled(checked.real, bytes, filled);
    } catch (error) {
      return { ok: false, reason: explain(error, file) };
    } finally {
      await handle?.close();
    }
  }

  /** The verdict on a read buffer: one byte over the limit (we read `maxBytes + 1`) refuses the file. */
  private filled(real: string, bytes: Buffer, filled: number): FileRead {
    if (filled > this.maxBytes) return { ok: false, reason: `larger than max_file_bytes (${mib(this.maxBytes)})` };
    return { ok: true, real, bytes: bytes.subarray(0, filled) };
  }

  /** `read`, synchronously. */
  readSync(file: string): FileRead {
    const checked = this.checkSync(file);
    if (!checked.ok) return checked;
    if (checked.isDirectory) return { ok: false, reason: 'a directory, not a file' };
    let fd: number | undefined;
    try {
      fd = openSync(checked.real, OPEN_FLAGS);
      const size = Math.min(fstatSync(fd).size, this.maxBytes + 1);
      const bytes = Buffer.alloc(size);
      let filled = 0;
      while (filled < size) {
        const n = readSync(fd, bytes, filled, size - filled, filled);
        if (n === 0) break;
        filled += n;
      }
      return this.filled(checked.real, bytes, filled);
    } catch (error) {
      return { ok: false, reason: explain(error, file) };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Reads a file as UTF-8 text (invalid sequences become U+FFFD) if the guard allows it. */
  async readText(file: string): Promise<{ ok: true; real: string; text: string } | { ok: false; reason: string }> {
    const read = await this.read(file);
    return read.ok ? { ok: true, real: read.real, text: read.bytes.toString('utf8') } : read;
  }
}

/** Thrown by helpers that cannot return a refusal; the parser turns it into a skip. */
export class FileRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileRefused';
  }
}
