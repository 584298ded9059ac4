import { InvalidArgumentError } from '@commander-js/extra-typings';

/**
 * Parsers for option values shared by the commands. A wrong value is a user's mistake: commander
 * prints the message with the option's name and the CLI exits 1.
 */
export const positiveInt = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`${what} must be a positive whole number`);
  return n;
};

export const integer = (what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`${what} must be a whole number`);
  return n;
};

/** `a,b, c` → `['a', 'b', 'c']`. */
export const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A repeatable option: every occurrence is kept. */
export const collect = (v: string, prev: string[] = []) => [...prev, v];

/** `10000` → `10,000`, for defaults shown in help texts. */
export const shown = (n: number) => n.toLocaleString('en-US');

export const SCENARIO_ARGUMENT =
  'a scenario file (.yaml/.json), a GENIUS/GeniusWeb domain folder, or a built-in name';
export const PROFILES_OPTION = 'GENIUS folders: which profile files are the parties, in order';
