import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Everything a command may do to the outside world. Commands take this instead of touching
 * `process` so they can be run and tested as functions.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Writes a file, creating its folder. */
  writeFile(path: string, text: string): void;
  /** Monotonic milliseconds, for elapsed times and budgets. */
  now(): number;
  /** Whether stdout is a terminal (colours, progress bars). */
  readonly tty: boolean;
}

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    now: () => performance.now(),
    tty: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
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
  };
  return io;
}
