#!/usr/bin/env node
/**
 * The process boundary: the only module that reads `process.argv` and sets the exit code.
 */
import { processIo } from './io.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
