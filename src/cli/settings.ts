import { resolveParameter, type Scenario } from '../index.js';

/**
 * Reads `--set` values: `lever=level` (a lever id and one of its level names, or a number),
 * `assumption-id=number`, or `<parameter path>=number`. Every mistake is reported at once.
 */
export function parseSettings(
  scenario: Scenario,
  items: readonly string[],
):
  | { ok: true; levers: Record<string, string | number>; overrides: Record<string, number> }
  | { ok: false; problems: string[] } {
  const levers: Record<string, string | number> = {};
  const overrides: Record<string, number> = {};
  const problems: string[] = [];
  const record = scenario.record;
  for (const item of items
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq < 0) {
      problems.push(`"${item}" is not name=value`);
      continue;
    }
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    const lever = record?.levers.find((l) => l.id === name);
    if (lever) {
      if (value in lever.levels) levers[name] = value;
      else if (value !== '' && Number.isFinite(Number(value))) levers[name] = Number(value);
      else
        problems.push(
          `lever "${name}" has no level "${value}" (levels: ${Object.keys(lever.levels).join(', ')})`,
        );
      continue;
    }
    const x = Number(value);
    if (value === '' || !Number.isFinite(x)) {
      problems.push(`"${name}" needs a number, got "${value}"`);
      continue;
    }
    if (record?.assumptions.some((a) => a.id === name)) {
      overrides[name] = x;
      continue;
    }
    const target = resolveParameter(scenario, name);
    if (typeof target === 'string') {
      const known = [
        ...(record?.levers.map((l) => l.id) ?? []),
        ...(record?.assumptions.map((a) => a.id) ?? []),
      ];
      problems.push(
        `"${name}" is not a lever, an assumption or a parameter (${target}); levers and assumptions: ${known.join(', ')}`,
      );
      continue;
    }
    overrides[name] = x;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, levers, overrides };
}
