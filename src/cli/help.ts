import { builtInStrategies, type ParamSpec, PROTOCOLS, type StrategyRegistry } from '../index.js';
import { wrapText } from './wrap.js';

/**
 * The protocols and strategies `simulate --help` and `tournament --help` list, read from the
 * library's registries (PROTOCOLS, the strategy registry), so a new one appears without editing
 * the CLI.
 */

const SINGLE_TEXT_VARIANTS = 'veto (default), hill-climbing';

/** `e=0.2 [≥ 0]: concession exponent …` — name, default, allowed values, meaning. */
function paramText(key: string, spec: ParamSpec): string {
  const dflt = spec.default !== undefined ? `=${spec.default}` : '';
  const described = (spec.choices ?? []).every((c) => spec.description.includes(c));
  const range =
    spec.kind === 'choice'
      ? described
        ? ''
        : ` [${spec.choices?.join(' | ')}]`
      : spec.min !== undefined && spec.max !== undefined
        ? ` [${spec.min} to ${spec.max}]`
        : spec.min !== undefined
          ? ` [≥ ${spec.min}]`
          : '';
  return `${key}${dflt}${range}: ${spec.description}`;
}

/** The `--protocol` choices: name, parties, description. */
export function protocolsHelp(width: number): string {
  const rows = Object.values(PROTOCOLS).map((p) => {
    const parties =
      p.maxParties === p.minParties
        ? `${p.minParties} parties`
        : Number.isFinite(p.maxParties)
          ? `${p.minParties}–${p.maxParties} parties`
          : `${p.minParties} or more parties`;
    const variants = p.name === 'single-text' ? `; --variant ${SINGLE_TEXT_VARIANTS}` : '';
    return `  - ${p.name}: ${p.description} (${parties}${variants})`;
  });
  return wrapText(['Protocols (--protocol):', ...rows].join('\n'), width);
}

/**
 * The strategies with their parameters. Parameters that several strategies share (the same
 * definition, e.g. the acceptance conditions) are listed once, after the strategies.
 */
export function strategiesHelp(width: number, registry: StrategyRegistry = builtInStrategies): string {
  const defs = registry.names.flatMap((n) => registry.get(n) ?? []);
  const uses = new Map<ParamSpec, number>();
  for (const d of defs) for (const spec of Object.values(d.params)) uses.set(spec, (uses.get(spec) ?? 0) + 1);
  const shared = new Map<string, ParamSpec>();
  const lines = ['Strategies (--agents name[:param=value…], e.g. boulware:e=0.3,conceder:ac=combi):'];
  for (const d of defs) {
    lines.push(`  - ${d.name}: ${d.description}`);
    const own = Object.entries(d.params).filter(([, s]) => (uses.get(s) ?? 0) < 2);
    const common = Object.entries(d.params).filter(([, s]) => (uses.get(s) ?? 0) >= 2);
    for (const [k, s] of own) lines.push(`      ${paramText(k, s)}`);
    if (common.length) lines.push(`      and ${common.map(([k]) => k).join(', ')} (below)`);
    for (const [k, s] of common) shared.set(k, s);
  }
  if (shared.size) {
    lines.push('  Parameters several strategies take:');
    for (const [k, s] of shared) lines.push(`      ${paramText(k, s)}`);
  }
  return wrapText(lines.join('\n'), width);
}
