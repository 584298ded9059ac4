import { ConcordError, fail, ok, type Problem, type Result } from '../core/errors.js';
import type { NegotiatorFactory } from '../protocols/index.js';

export type ParamValue = number | string;

/** One parameter of a strategy: a number in a range, or one of a few words. */
export interface ParamSpec {
  readonly kind: 'number' | 'choice';
  readonly description: string;
  /** Used when the parameter is not given; a parameter without one is optional. */
  readonly default?: ParamValue;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
}

/**
 * A strategy by name: what `boulware`, `tft` or `frequency:e=0.3` mean. Register your own with
 * {@link StrategyRegistry.with}.
 */
export interface StrategyDefinition {
  readonly name: string;
  readonly description: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Makes the factory; `params` holds every given or defaulted parameter, checked against `params`. */
  create(params: Readonly<Record<string, ParamValue>>): NegotiatorFactory;
}

/** An agent text read: `boulware:e=0.3` → name `boulware`, params `{ e: 0.3 }` (defaults filled in). */
export interface ParsedAgent {
  readonly name: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The text as written, trimmed (the agent's label in reports). */
  readonly text: string;
}

/**
 * Strategies by name with parameters: `name[:param=value]...`, e.g. `boulware`, `boulware:e=0.3`,
 * `conceder:ac=combi:tau=0.9`. Immutable: {@link StrategyRegistry.with} returns a new registry.
 *
 * @example
 * const registry = builtInStrategies.with({ name: 'mine', description: '…', params: {}, create: () => myFactory });
 * registry.create('mine');
 */
export class StrategyRegistry {
  readonly #defs: ReadonlyMap<string, StrategyDefinition>;

  constructor(definitions: readonly StrategyDefinition[]) {
    this.#defs = new Map(definitions.map((d) => [d.name, d]));
  }

  get names(): string[] {
    return [...this.#defs.keys()];
  }

  get(name: string): StrategyDefinition | undefined {
    return this.#defs.get(name);
  }

  /** A registry with these definitions added (replacing any of the same name). */
  with(...definitions: readonly StrategyDefinition[]): StrategyRegistry {
    return new StrategyRegistry([...this.#defs.values(), ...definitions]);
  }

  /** Reads an agent text; every problem with it at once. */
  parse(text: string): Result<ParsedAgent> {
    const trimmed = text.trim();
    const [rawName = '', ...parts] = trimmed.split(':');
    const name = rawName.trim().toLowerCase();
    const def = this.#defs.get(name);
    if (!def) {
      return fail([
        {
          code: 'unknown-strategy',
          message: `unknown strategy "${rawName.trim()}" (known: ${this.names.join(', ')})`,
        },
      ]);
    }
    const problems: Problem[] = [];
    const params: Record<string, ParamValue> = {};
    for (const [key, spec] of Object.entries(def.params))
      if (spec.default !== undefined) params[key] = spec.default;
    for (const part of parts) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim();
      const raw = eq < 0 ? '' : part.slice(eq + 1).trim();
      const spec = Object.hasOwn(def.params, key) ? def.params[key] : undefined;
      if (eq < 0 || key === '') {
        problems.push({ code: 'bad-agent', message: `"${trimmed}": "${part}" is not param=value` });
      } else if (!spec) {
        const known = Object.keys(def.params);
        problems.push({
          code: 'unknown-parameter',
          message: `"${trimmed}": ${name} has no parameter "${key}"${known.length ? ` (parameters: ${known.join(', ')})` : ' (it takes none)'}`,
        });
      } else {
        const value = checkValue(spec, raw);
        if (typeof value === 'string' && spec.kind === 'number') {
          problems.push({ code: 'bad-parameter', message: `"${trimmed}": ${key} ${value}` });
        } else if (spec.kind === 'choice' && !spec.choices?.includes(raw)) {
          problems.push({
            code: 'bad-parameter',
            message: `"${trimmed}": ${key} must be one of ${spec.choices?.join(', ')}, got "${raw}"`,
          });
        } else params[key] = value;
      }
    }
    return problems.length ? fail(problems) : ok({ name, params, text: trimmed });
  }

  /** The factory of a parsed agent. */
  factory(agent: ParsedAgent): NegotiatorFactory {
    const def = this.#defs.get(agent.name);
    if (!def) throw new ConcordError('unknown-strategy', `unknown strategy "${agent.name}"`);
    return def.create(agent.params);
  }

  /** The factory of an agent text; throws {@link ConcordError} (`bad-agent`) listing every problem. */
  create(text: string): NegotiatorFactory {
    const r = this.parse(text);
    if (!r.ok) throw new ConcordError('bad-agent', r.problems.map((p) => p.message).join('; '));
    return this.factory(r.value);
  }
}

/** A number in range, or a message saying why the text is not one. */
function checkValue(spec: ParamSpec, raw: string): ParamValue {
  if (spec.kind === 'choice') return raw;
  const x = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(x)) return `must be a number, got "${raw}"`;
  if (spec.min !== undefined && x < spec.min) return `must be at least ${spec.min}, got ${x}`;
  if (spec.max !== undefined && x > spec.max) return `must be at most ${spec.max}, got ${x}`;
  return x;
}
