import { resolveParameter, type Scenario } from '../index.js';
import { didYouMean } from './suggest.js';

/** Every name `--set` takes: levers, assumptions and the usual parameter paths. */
function settableNames(scenario: Scenario): string[] {
  const record = scenario.record;
  return [
    ...(record?.levers.map((l) => l.id) ?? []),
    ...(record?.assumptions.map((a) => a.id) ?? []),
    ...scenario.parties.flatMap((p) => [
      `${p.name}.reservation`,
      ...scenario.issues.map((i) => `${p.name}.weights.${i.name}`),
      ...p.redLines.map((r) => `${p.name}.redLines.${r.id}.active`),
    ]),
  ];
}

/** The nearest names to a mistyped one, or where to find them: never the whole list. */
function nearNames(scenario: Scenario, name: string): string {
  const hint = didYouMean(name, settableNames(scenario));
  if (hint) return hint;
  const levers = scenario.record?.levers.map((l) => l.id) ?? [];
  const assumptions = scenario.record?.assumptions.length ?? 0;
  return `; levers: ${levers.join(', ') || 'none'}; ${assumptions} assumption${assumptions === 1 ? '' : 's'} (their ids are in the brief's ASSUMPTIONS section); parameters: <party>.reservation, <party>.weights.<issue>, <party>.redLines.<id>.active`;
}

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
    // The name first: a mistyped name is the mistake to point out, whatever its value.
    const target = record?.assumptions.some((a) => a.id === name)
      ? undefined
      : resolveParameter(scenario, name);
    if (typeof target === 'string') {
      const why = name.includes('.') ? `: ${target}` : '';
      problems.push(
        `"${name}" is not a lever, an assumption or a parameter${why}${nearNames(scenario, name)}`,
      );
      continue;
    }
    const x = Number(value);
    if (value === '' || !Number.isFinite(x)) {
      problems.push(`"${name}" needs a number, got "${value}"`);
      continue;
    }
    overrides[name] = x;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, levers, overrides };
}
