import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Everything a command may do to the outside world. Commands take this instead of touching
 * `process` so they can be run and tested as functions.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * Writes a file, creating its folder. A path that cannot be written throws {@link UserError}
   * naming the path, the option it came from (`what`, e.g. `--report`) and the reason.
   */
  writeFile(path: string, text: string, what?: string): void;
  /** Monotonic milliseconds, for elapsed times and budgets. */
  now(): number;
  /** Whether stdout is a terminal (colours, progress bars). */
  readonly tty: boolean;
  /** Whether stderr is a terminal (progress bars; otherwise progress lines). */
  readonly errTty?: boolean;
  /** Columns text output wraps to: the terminal's width, 80 in a pipe. */
  readonly columns: number;
  /**
   * Calls `handler` on Ctrl-C (SIGINT) until the returned function is called. While a handler is
   * installed the process does not die on Ctrl-C: the command stops cleanly and reports.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** A user's mistake found while running (not in the input files): exit 1 with this message. */
export class UserError extends Error {}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENOENT: 'the folder does not exist',
  ENAMETOOLONG: 'the name is too long',
};

/** Why a file could not be written, in words, with the system's code. */
export function writeFailure(path: string, e: unknown, what?: string): UserError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = REASONS[code] ?? (e instanceof Error ? e.message : String(e));
  return new UserError(
    `error: ${what ? `${what}: ` : ''}cannot write ${path}: ${reason}${code ? ` (${code})` : ''}`,
  );
}

/** Text columns of the terminal, 80 in a pipe or a file. */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY && stream.columns && stream.columns > 0 ? stream.columns : 80;
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    writeFile: (path, text, what) => {
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      } catch (e) {
        throw writeFailure(path, e, what);
      }
    },
    now: () => performance.now(),
    tty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    errTty: Boolean(process.stderr.isTTY),
    columns: terminalColumns(process.stdout),
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}

/** An in-memory io for tests: collects output and files. */
export function memoryIo(): CliIo & { stdout: string; stderr: string; files: Map<string, string> } {
  const io = {
    stdout: '',
    stderr: '',
    files: new Map<string, string>(),
    out(t: string) {
      io.stdout += t.endsWith('\n') ? t : `${t}\n`;
    },
    err(t: string) {
      io.stderr += t.endsWith('\n') ? t : `${t}\n`;
    },
    writeFile(path: string, text: string) {
      io.files.set(path, text);
    },
    now: () => performance.now(),
    tty: false,
    columns: 80,
  };
  return io;
}
