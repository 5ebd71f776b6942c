/** Where plugins and the core send diagnostics. User-facing output goes through the renderer instead. */
export interface Logger {
  /** Detail for `--verbose` and `DEBUG=bbj:*`. */
  debug(message: string): void;
  /** Something noteworthy that does not change the outcome. */
  info(message: string): void;
  /** Something was skipped or degraded; the run goes on. */
  warn(message: string): void;
}

/** A logger that drops everything, for tests and quiet runs. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {} };
