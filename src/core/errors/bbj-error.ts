/** Exit codes of the CLI (a documented contract). */
export const ExitCode = {
  /** Every selected source succeeded. */
  ok: 0,
  /** At least one source failed; the others ran. */
  sourceFailed: 1,
  /** Configuration or validation error, or the store is locked by another run; nothing was ingested. */
  invalid: 2,
  /** Stopped by Ctrl-C (SIGINT); SIGTERM gives 143. The run is recorded `interrupted` and `--resume` continues it. */
  interrupted: 130,
  /** Stopped by SIGTERM. */
  terminated: 143,
} as const;

/**
 * An error the user can act on: a stable code, the exit code it maps to, and a suggestion.
 * One handler in the command layer renders these; anything else is a bug and shows a stack.
 */
export class BbjError extends Error {
  constructor(
    message: string,
    /** Stable machine-readable code (`CONFIG_INVALID`, `STORE_DIMENSION`). */
    readonly code: string,
    /** What the user can do about it. */
    readonly suggestion?: string,
    /** Process exit code for this error. */
    readonly exitCode: number = ExitCode.invalid,
  ) {
    super(message);
    this.name = 'BbjError';
  }
}

/** Preflight found problems; every one is listed. */
export class ValidationError extends BbjError {
  constructor(readonly issues: string[]) {
    super(`Validation failed with ${issues.length} problem(s):\n${issues.map((i) => `  - ${i}`).join('\n')}`, 'VALIDATION_FAILED');
    this.name = 'ValidationError';
  }
}

/** Returns the message of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const causeCode = cause && typeof cause === 'object' && 'code' in cause ? ` (${String((cause as { code: unknown }).code)})` : '';
    // Where the error is shown as one line (validation issues, a failed source), keep its way forward.
    const fix = error instanceof BbjError && error.suggestion && !error.message.includes(error.suggestion) ? ` Fix: ${error.suggestion}` : '';
    return `${error.message}${causeCode}${fix}`;
  }
  return String(error);
}
