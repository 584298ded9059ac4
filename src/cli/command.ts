import type { Command } from '@commander-js/extra-typings';
import type { CliIo } from './io.js';

/** What a command's registration gets: the io to run with and where to leave its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Records the command's exit code (0 success, 1 a user's mistake, 130 interrupted). */
  exit(code: number): void;
}

/**
 * Adds one command (its arguments, options and help) to the program. Every command has one, in
 * its own module; `program.ts` lists them.
 */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
