import { Command } from '@oclif/core';
import { maskSecrets, maskSecretsDeep } from '../core/config/mask.js';
import { BbjError, ExitCode, ValidationError, errorMessage } from '../core/errors/bbj-error.js';

/**
 * Shared error rendering: a `BbjError` becomes its message and suggestion (or a JSON error
 * object with `--json`) and its exit code; anything else is a bug and keeps oclif's stack.
 */
export abstract class BbjCommand extends Command {
  /** Prints a result as JSON on stdout, secrets masked. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(maskSecretsDeep(value), null, 2)}\n`);
  }

  /**
   * The body every command shares: do the work, set the exit code from the result, print it
   * as JSON or formatted text; a known error is rendered instead.
   */
  protected async respond<T>(json: boolean, work: () => Promise<T>, exitCode: (result: T) => number, format: (result: T) => string): Promise<T | undefined> {
    try {
      const result = await work();
      process.exitCode = exitCode(result);
      if (json) this.printJson(result);
      else this.log(maskSecrets(format(result)));
      return result;
    } catch (error) {
      this.handleError(error, json);
      return undefined;
    }
  }

  /** Renders a known error and sets the exit code; rethrows unknown ones (after printing them as JSON with `--json`). */
  protected handleError(error: unknown, json: boolean): void {
    if (!(error instanceof BbjError)) {
      // `--json` promises a JSON document on stdout whatever happens.
      if (json) {
        this.printJson({ error: { code: 'INTERNAL', message: errorMessage(error) } });
        process.exitCode = ExitCode.sourceFailed;
        return;
      }
      throw error;
    }
    process.exitCode = error.exitCode ?? ExitCode.invalid;
    if (json) {
      this.printJson({
        error: { code: error.code, message: error.message, suggestion: error.suggestion, issues: error instanceof ValidationError ? error.issues : undefined },
      });
      return;
    }
    process.stderr.write(`\nError: ${maskSecrets(error.message)}\n`);
    if (error.suggestion) process.stderr.write(`Fix: ${maskSecrets(error.suggestion)}\n`);
  }
}
