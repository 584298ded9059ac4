#!/usr/bin/env node
/**
 * The process boundary: the only module that reads `process.argv` and sets the exit code.
 */
import { processIo } from './io.js';
import { runCli } from './program.js';

// A reader that stops early (`concord … | head -1`) closes the pipe: that is the reader's choice,
// not an error, so end quietly with success instead of printing an EPIPE stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo());
