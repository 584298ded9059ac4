import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Problem, type Result } from '../core/errors.js';
import { readResultLines, resultLine, type TournamentResult } from '../tournaments/index.js';

/** The results file in a tournament's folder. */
export const RESULTS_FILE = 'results.jsonl';
const LOCK_FILE = '.lock';

/** A tournament's folder, open for appending results (one writer at a time). */
export interface ResultStore {
  readonly dir: string;
  /** Path of `results.jsonl`. */
  readonly file: string;
  /** Results already in the file (resume), first of each id, in file order. */
  readonly done: readonly TournamentResult[];
  /** What reading back repaired: a line cut short, lines that are not results, repeated ids. */
  readonly warnings: readonly Problem[];
  /** Appends one result as one line, with one write call (a crash leaves at most one partial line). */
  append(result: TournamentResult): void;
  /** Writes a file of the folder atomically (temporary file, then rename). */
  writeText(name: string, text: string): void;
  /** Closes the file and releases the folder. */
  close(): void;
}

export interface ResultStoreOptions {
  /** Continue the results in the folder (default false: refuse a folder that has results). */
  readonly resume?: boolean;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock file; a lock left by a process that no longer runs is taken over. */
function lock(dir: string): Problem | undefined {
  const path = join(dir, LOCK_FILE);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const pid = Number(readFileSync(path, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    return {
      code: 'results-locked',
      file: dir,
      message: `another tournament (process ${pid}) is writing here; wait for it, or choose another folder`,
    };
  }
  writeFileSync(path, String(process.pid));
  return undefined;
}

/**
 * Opens a tournament's folder (creating it) to append results. Without `resume`, a folder that
 * already holds results is refused (never overwritten). With it, the results are read back: a last
 * line cut short by a crash is cut off the file, and lines that are not results or repeat an id
 * are dropped (the file is rewritten without them), so every finished run is in it exactly once.
 */
export function openResultStore(dir: string, options: ResultStoreOptions = {}): Result<ResultStore> {
  mkdirSync(dir, { recursive: true });
  const locked = lock(dir);
  if (locked) return fail([locked]);
  const unlock = () => rmSync(join(dir, LOCK_FILE), { force: true });
  const file = join(dir, RESULTS_FILE);
  const exists = existsSync(file) && statSync(file).size > 0;
  if (exists && !options.resume) {
    unlock();
    return fail([
      {
        code: 'results-exist',
        file,
        message: 'holds results of an earlier tournament; resume it (--resume) or choose another folder',
      },
    ]);
  }
  let done: readonly TournamentResult[] = [];
  const warnings: Problem[] = [];
  if (exists) {
    const bytes = readFileSync(file);
    const read = readResultLines(bytes.toString('utf8'), file);
    done = read.results;
    warnings.push(...read.invalid);
    if (read.duplicates.length) {
      warnings.push({
        code: 'duplicate-results',
        file,
        line: read.duplicates[0] as number,
        message: `${read.duplicates.length} line(s) repeat a run already recorded; dropped`,
      });
    }
    if (read.invalid.length || read.duplicates.length) {
      writeAtomically(file, done.map(resultLine).join(''));
    } else if (read.partial) {
      truncateSync(file, bytes.lastIndexOf(0x0a) + 1);
    }
    if (read.partial) {
      warnings.push({
        code: 'partial-result',
        file,
        line: bytes.toString('utf8').split('\n').length,
        message: 'the last line was cut short (an interrupted write); dropped, its run will be run again',
      });
    }
  }
  const fd = openSync(file, 'a');
  let open = true;
  return ok({
    dir,
    file,
    done,
    warnings,
    append(result) {
      const bytes = Buffer.from(resultLine(result));
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    },
    writeText(name, text) {
      writeAtomically(join(dir, name), text);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(fd);
      unlock();
    },
  });
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
