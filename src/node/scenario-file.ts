import { readFileSync } from 'node:fs';
import { fail, type Result } from '../core/errors.js';
import { parseScenario } from '../io/scenario/parse.js';
import type { Scenario } from '../model/scenario.js';

/**
 * Reads a scenario file (`.yaml`, `.yml` or `.json`) and parses it with {@link parseScenario}.
 * The only function in this folder that touches the file system. A file that cannot be read is
 * a problem naming the file (it has no line to point at).
 */
export function loadScenarioFile(path: string): Result<Scenario> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder, not a scenario file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot read the file: permission denied'
            : `cannot read the file: ${(e as Error).message}`;
    return fail([{ code: code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', message, file: path }]);
  }
  return parseScenario(text, path);
}
