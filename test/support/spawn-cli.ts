import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/**
 * The `concord` command as a user runs it: a separate Node process on the sources (through tsx,
 * so no build is needed), with its own stdout, stderr, exit code and signals.
 */
export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface Running {
  readonly child: ChildProcess;
  /** Resolves when stderr (or stdout) has printed text matching `re`. */
  waitFor(re: RegExp, stream?: 'out' | 'err'): Promise<void>;
  readonly done: Promise<Finished>;
}

export function startCli(args: readonly string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { re: RegExp; stream: 'out' | 'err'; resolve: () => void }[] = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.re.test(w.stream === 'out' ? out : err)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    check();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    check();
  });
  const done = new Promise<Finished>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
  return {
    child,
    done,
    waitFor: (re, stream = 'err') =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ re, stream, resolve });
        check();
        void done.then(() => reject(new Error(`the CLI ended before printing ${re}:\n${out}\n${err}`)));
      }),
  };
}

/** Runs `concord …` to the end. */
export function runConcord(args: readonly string[], env: Record<string, string> = {}): Promise<Finished> {
  return startCli(args, env).done;
}
