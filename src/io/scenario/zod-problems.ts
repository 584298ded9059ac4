import type { z } from 'zod';
import type { ProblemCode } from '../../core/errors.js';
import type { Draft, Path } from './draft.js';
import { closest, describe, list, quote, suggestion } from './words.js';

/**
 * Turns zod's issues into {@link Draft}s with plain messages. This is the one place where zod's
 * wording is replaced by ours; schema-level messages (`{ error: '…' }` in schema.ts) are kept.
 *
 * Unions are resolved here: zod reports every branch's failure; we keep the branch the author
 * most likely meant (the one whose keys fit best) and report only its problems.
 */

// Markers returned by our parse-level error map: "no schema-level message" and "known keys".
const DEFAULT = '\u0000default';
const KEYS = '\u0000keys:';

/** Parse-level error map: lets schema-level messages through and records the keys an object knows. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === 'unrecognized_keys') {
    const def = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
    return KEYS + JSON.stringify(Object.keys(def?.shape ?? {}));
  }
  return DEFAULT;
};

type Kind = 'wrong-type' | 'missing-key' | 'unknown-key' | 'other';

/** A zod issue with its path made absolute and its kind classified, before pairing typos. */
interface Flat {
  readonly kind: Kind;
  readonly code: ProblemCode;
  readonly path: Path;
  readonly message: string;
  readonly expected?: readonly string[];
  readonly input?: unknown;
  readonly known?: readonly string[];
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
};

const custom = (iss: z.core.$ZodIssue): string | undefined =>
  iss.message === DEFAULT || iss.message.startsWith(KEYS) ? undefined : iss.message;

function flatten(iss: z.core.$ZodIssue, prefix: Path): Flat[] {
  const path = [...prefix, ...(iss.path as (string | number)[])];
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return [missingKey(path)];
      const expected = [EXPECTED[iss.expected] ?? iss.expected];
      const message = custom(iss) ?? `expected ${expected[0]}, got ${describe(iss.input)}`;
      return [{ kind: 'wrong-type', code: 'wrong-type', path, message, expected, input: iss.input }];
    }
    case 'unrecognized_keys': {
      const known = JSON.parse(
        iss.message.startsWith(KEYS) ? iss.message.slice(KEYS.length) : '[]',
      ) as string[];
      const present = new Set(Object.keys(iss.input ?? {}));
      const free = known.filter((k) => !present.has(k));
      return iss.keys.map((key) => {
        // Suggest only keys not used yet; list them all otherwise.
        const near = closest(key, free);
        const hint =
          near !== undefined ? `did you mean ${quote(near)}?` : `the keys allowed here are ${list(known)}`;
        return {
          kind: 'unknown-key' as const,
          code: 'unknown-key',
          path: [...path, key],
          message: `unknown key ${quote(key)}; ${hint}`,
          known,
        };
      });
    }
    case 'invalid_union': {
      if (iss.errors.length === 0) {
        // A discriminated union (issue kinds) with an unknown `kind`.
        const options = (('options' in iss ? iss.options : undefined) ?? []).filter(
          (o): o is string => typeof o === 'string',
        );
        const got = (iss.input as { kind?: unknown } | undefined)?.kind;
        const message =
          typeof got === 'string'
            ? `unknown kind ${quote(got)}${suggestion(got, options, 'the kinds')}`
            : `kind must be one of ${list(options)}, got ${describe(got)}`;
        return [{ kind: 'other', code: 'unknown-kind', path, message }];
      }
      return pickBranch(
        iss.errors.map((branch) => branch.flatMap((e) => flatten(e, []))),
        path,
        iss.input,
      );
    }
    case 'too_small':
    case 'too_big': {
      const small = iss.code === 'too_small';
      const bound = small
        ? (iss as z.core.$ZodIssueTooSmall).minimum
        : (iss as z.core.$ZodIssueTooBig).maximum;
      const inclusive = iss.inclusive !== false;
      let message = custom(iss);
      if (message === undefined) {
        if (iss.origin === 'array')
          message = small
            ? `needs at least ${bound} item${bound === 1 ? '' : 's'}, got ${Array.isArray(iss.input) ? iss.input.length : 0}`
            : `has more than ${bound} item${bound === 1 ? '' : 's'}`;
        else if (iss.origin === 'string')
          message = small ? 'must not be empty' : `is longer than ${bound} characters`;
        else {
          const rel = small ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
          message = `must be ${rel} ${bound}, got ${describe(iss.input)}`;
        }
      }
      return [{ kind: 'other', code: small ? 'too-small' : 'too-big', path, message }];
    }
    case 'invalid_value': {
      const values = iss.values.map(String);
      const got = iss.input;
      const message =
        custom(iss) ??
        (typeof got === 'string' && values.length > 1
          ? `unknown value ${quote(got)}${suggestion(got, values, 'the choices')}`
          : `expected ${values.length === 1 ? quote(values[0] as string) : `one of ${list(values)}`}, got ${describe(got)}`);
      return [{ kind: 'other', code: 'invalid-value', path, message }];
    }
    default:
      return [
        {
          kind: 'other',
          code: 'invalid',
          path,
          message: custom(iss) ?? `invalid value ${describe(iss.input)}`,
        },
      ];
  }
}

/**
 * How badly a branch of a union fits (lower is better). A branch whose problems are all nested
 * has the right shape; missing and unknown keys at its root, or a wrong type, say it is the wrong
 * branch. A missing key with a look-alike unknown key is a typo, hence a good fit.
 */
function badness(branch: readonly Flat[]): number {
  const unknown = branch.filter((f) => f.kind === 'unknown-key' && f.path.length === 1);
  let score = 0;
  for (const f of branch) {
    if (f.kind === 'wrong-type' && f.path.length === 0) score += 1000;
    else if (f.kind === 'missing-key' && f.path.length === 1) {
      const key = String(f.path[0]);
      score += unknown.some((u) => closest(String(u.path[0]), [key]) !== undefined) ? 1 : 10;
    } else if (f.kind === 'unknown-key' && f.path.length === 1) score += 3;
    else if (f.kind === 'wrong-type' && typeof f.input === 'object' && f.input !== null) score += 5;
    else score += 1;
  }
  return score;
}

/** Paths in a union's branches are relative to the union; the message names the key, so it is made here. */
const missingKey = (path: Path): Flat => ({
  kind: 'missing-key',
  code: 'missing-key',
  path,
  message: `missing required key ${quote(String(path[path.length - 1]))}`,
});

function pickBranch(branches: readonly (readonly Flat[])[], path: Path, input: unknown): Flat[] {
  if (input === undefined) return [missingKey(path)];
  const prefixed = (b: readonly Flat[]) =>
    b.map((f) =>
      f.kind === 'missing-key' ? missingKey([...path, ...f.path]) : { ...f, path: [...path, ...f.path] },
    );
  // Wrong type for every branch: one problem listing what would do.
  if (branches.every((b) => b.length > 0 && b.every((f) => f.kind === 'wrong-type' && f.path.length === 0))) {
    const expected = [...new Set(branches.flatMap((b) => b.flatMap((f) => f.expected ?? [])))];
    const alts =
      expected.length > 1
        ? `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`
        : expected[0];
    return [
      {
        kind: 'wrong-type',
        code: 'wrong-type',
        path,
        message: `expected ${alts}, got ${describe(input)}`,
        expected,
        input,
      },
    ];
  }
  let best = branches[0] ?? [];
  let bestScore = badness(best);
  for (const b of branches.slice(1)) {
    const s = badness(b);
    if (s < bestScore) {
      best = b;
      bestScore = s;
    }
  }
  return prefixed(best);
}

const parentKey = (p: Path) => JSON.stringify(p.slice(0, -1));

/** Converts zod's issues to drafts: unions resolved, typos paired with the key they miss. */
export function zodDrafts(issues: readonly z.core.$ZodIssue[], root: Path = []): Draft[] {
  const flat = issues.flatMap((i) => flatten(i, root));
  const drop = new Set<Flat>();
  const out: Draft[] = [];
  // An issue with min/max but no kind reads as a discrete issue without options; say what is meant.
  const RANGE_KEYS = new Set(['min', 'max', 'step', 'resolution', 'unit']);
  for (const m of flat) {
    if (m.kind !== 'missing-key' || m.path[m.path.length - 1] !== 'options') continue;
    const range = flat.filter(
      (f) =>
        f.kind === 'unknown-key' &&
        parentKey(f.path) === parentKey(m.path) &&
        RANGE_KEYS.has(String(f.path[f.path.length - 1])),
    );
    if (range.length === 0) continue;
    for (const f of [m, ...range]) drop.add(f);
    out.push({
      code: 'missing-kind',
      path: [...m.path.slice(0, -1), 'kind'],
      target: 'parent',
      message:
        'missing required key "kind": a range needs kind: integer or kind: real (a discrete issue lists options)',
    });
  }
  for (const f of flat) {
    if (f.kind !== 'unknown-key' || drop.has(f)) continue;
    const key = String(f.path[f.path.length - 1]);
    const missing = flat.find(
      (m) =>
        m.kind === 'missing-key' &&
        !drop.has(m) &&
        parentKey(m.path) === parentKey(f.path) &&
        closest(key, [String(m.path[m.path.length - 1])]) !== undefined,
    );
    if (missing) {
      drop.add(missing);
      drop.add(f);
      const want = String(missing.path[missing.path.length - 1]);
      out.push({
        code: 'unknown-key',
        path: f.path,
        target: 'key',
        message: `unknown key ${quote(key)}; did you mean ${quote(want)}?`,
      });
    }
  }
  for (const f of flat) {
    if (drop.has(f)) continue;
    const target = f.kind === 'unknown-key' ? 'key' : f.kind === 'missing-key' ? 'parent' : 'value';
    out.push({ code: f.code, path: f.path, target, message: f.message });
  }
  return out;
}
