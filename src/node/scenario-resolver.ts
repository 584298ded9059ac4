import { InputError } from '../core/errors.js';
import type { Scenario } from '../model/scenario.js';
import { type LoadOptions, loadScenario } from './load.js';

/**
 * A resolver for scenario references (files, GENIUS folders, built-in names) that loads each one
 * once; unusable input throws {@link InputError} with every located problem. What executors pass
 * as `resolve`.
 *
 * @example
 * const resolve = scenarioResolver();
 * resolve('examples/job-offer.yaml').name; // 'Job offer'
 */
export function scenarioResolver(options: LoadOptions = {}): (ref: string) => Scenario {
  const cache = new Map<string, Scenario>();
  return (ref) => {
    let s = cache.get(ref);
    if (!s) {
      const r = loadScenario(ref, options);
      if (!r.ok) throw new InputError(r.problems);
      s = r.value;
      cache.set(ref, s);
    }
    return s;
  };
}
