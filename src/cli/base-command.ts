import { Command } from '@oclif/core';
import { BbjError, ExitCode, ValidationError } from '../core/errors/bbj-error.js';

/**
 * Shared error rendering: a `BbjError` becomes its message and suggestion (or a JSON error
 * object with `--json`) and its exit code; anything else is a bug and keeps oclif's stack.
 */
export abstract class BbjCommand extends Command {
  /** Prints a result as JSON on stdout. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** Renders a known error and sets the exit code; rethrows unknown ones. */
  protected handleError(error: unknown, json: boolean): void {
    if (!(error instanceof BbjError)) throw error;
    process.exitCode = error.exitCode ?? ExitCode.invalid;
    if (json) {
      this.printJson({
        error: { code: error.code, message: error.message, suggestion: error.suggestion, issues: error instanceof ValidationError ? error.issues : undefined },
      });
      return;
    }
    process.stderr.write(`\nError: ${error.message}\n`);
    if (error.suggestion) process.stderr.write(`Fix: ${error.suggestion}\n`);
  }
}
