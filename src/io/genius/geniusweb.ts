import type { Result } from '../../core/errors.js';
import type { Party } from '../../model/party.js';
import { type Issue, issueNumberAt, issueSize } from '../../outcomes/issue.js';
import { evaluateValue, type ValueFunction } from '../../preferences/value-function.js';
import { type Diagnostics, guarded } from './diagnostics.js';
import { baseName, type GeniusDomain } from './domain.js';
import { type JsonNode, type JsonObject, kindName, member, readJson } from './json-tree.js';

/**
 * GeniusWeb's JSON formats (the successor of GENIUS), as its Java/Python classes serialise them:
 *
 * - domain: `{"name": …, "issuesValues": {"<issue>": {"values": ["a", "b"]} | {"range":
 *   {"low": 0, "high": 10, "step": 1}}}}`; issue order is the order in the file.
 * - profile: `{"LinearAdditiveUtilitySpace": {"issueUtilities": {"<issue>": {"discreteutils":
 *   {"valueUtilities": {"a": 0.4}}} | {"numberutils": {"lowValue", "lowUtility", "highValue",
 *   "highUtility"}}}, "issueWeights": {"<issue>": 0.3}, "domain": {…}, "name": …,
 *   "reservationBid": {"issuevalues": {"<issue>": "a"}}}}`.
 *
 * Value utilities are already in [0, 1] (GeniusWeb refuses others, and so do we); weights are
 * used as given (a sum other than 1 is warned about: GeniusWeb refuses it). The reservation
 * value is the utility of `reservationBid` (0 without one); GeniusWeb has no discounting.
 * `numberutils` interpolate linearly between (lowValue, lowUtility) and (highValue, highUtility)
 * (GeniusWeb rounds the result to 8 decimals; we do not).
 */
export function parseGeniusWebDomain(text: string, file: string): Result<GeniusDomain> {
  return guarded(file, () => readWebDomain(text, file));
}

function readWebDomain(text: string, file: string): Result<GeniusDomain> {
  const { diag, root } = readJson(text, file);
  if (!root) return diag.failure();
  const issues = readIssues(diag, root, 'this GeniusWeb domain');
  return diag.result(() => ({
    name: baseName(file),
    file,
    format: 'geniusweb-json' as const,
    issues: issues ?? [],
    indices: (issues ?? []).map((_, i) => i + 1),
  }));
}

function expectObject(
  diag: Diagnostics,
  node: JsonNode | undefined,
  what: string,
  at: number,
): JsonObject | undefined {
  if (node?.kind === 'object') return node;
  diag.error(
    'bad-json-shape',
    `${what} must be an object${node ? `, not ${kindName(node)}` : ''}`,
    node?.offset ?? at,
  );
  return undefined;
}

function expectNumber(
  diag: Diagnostics,
  node: JsonNode | undefined,
  what: string,
  at: number,
): number | undefined {
  if (node?.kind === 'number') return node.value;
  diag.error(
    'bad-json-shape',
    `${what} must be a number${node ? `, not ${kindName(node)}` : ''}`,
    node?.offset ?? at,
  );
  return undefined;
}

function readIssues(diag: Diagnostics, root: JsonNode, what: string): Issue[] | undefined {
  const top = expectObject(diag, root, what, 0);
  if (!top) return undefined;
  const iv = member(top, 'issuesValues');
  const byIssue = expectObject(diag, iv?.value, `"issuesValues" of ${what}`, top.offset);
  if (!byIssue) return undefined;
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const { key, keyOffset, value } of byIssue.entries) {
    if (seen.has(key)) diag.error('duplicate-issue', `issue "${key}" is listed twice`, keyOffset);
    seen.add(key);
    const spec = expectObject(diag, value, `issue "${key}"`, keyOffset);
    if (!spec) continue;
    const values = member(spec, 'values');
    const range = member(spec, 'range');
    if (values?.value.kind === 'array') {
      const names: string[] = [];
      for (const v of values.value.items) {
        if (v.kind !== 'string')
          diag.error('bad-json-shape', `values of issue "${key}" must be strings`, v.offset);
        else if (names.includes(v.value))
          diag.error('duplicate-value', `value "${v.value}" appears twice`, v.offset);
        else names.push(v.value);
      }
      if (values.value.items.length === 0)
        diag.error('empty-issue', `issue "${key}" has no values`, values.keyOffset);
      issues.push({ kind: 'discrete', name: key, values: names });
    } else if (range) {
      const issue = readRange(diag, key, range.value, range.keyOffset);
      if (issue) issues.push(issue);
    } else {
      diag.error(
        'bad-json-shape',
        `issue "${key}" needs "values": [...] or "range": {low, high, step}`,
        spec.offset,
      );
    }
  }
  if (byIssue.entries.length === 0) diag.error('no-issues', `${what} has no issues`, byIssue.offset);
  return issues;
}

/** A GeniusWeb `NumberValueSet` range: integer when low, high and step are whole numbers. */
function readRange(diag: Diagnostics, name: string, node: JsonNode, at: number): Issue | undefined {
  const r = expectObject(diag, node, `range of issue "${name}"`, at);
  if (!r) return undefined;
  const low = expectNumber(diag, member(r, 'low')?.value, `"low" of issue "${name}"`, r.offset);
  const high = expectNumber(diag, member(r, 'high')?.value, `"high" of issue "${name}"`, r.offset);
  const step = expectNumber(diag, member(r, 'step')?.value, `"step" of issue "${name}"`, r.offset);
  if (low === undefined || high === undefined || step === undefined) return undefined;
  if (!(step > 0) || low > high) {
    diag.error('bad-range', `range of issue "${name}" needs low <= high and step > 0`, r.offset);
    return undefined;
  }
  const k = Math.floor((high - low) / step + 1e-9);
  if (k > 1e9) {
    diag.error('bad-range', `range of issue "${name}" has more than 10^9 values`, r.offset);
    return undefined;
  }
  if (Number.isInteger(low) && Number.isInteger(high) && Number.isInteger(step)) {
    return step === 1
      ? { kind: 'integer', name, min: low, max: low + k }
      : { kind: 'integer', name, min: low, max: low + k * step, step };
  }
  return { kind: 'real', name, min: low, max: low + k * step, resolution: k + 1 };
}

/** Reads a GeniusWeb `LinearAdditiveUtilitySpace` profile against its domain. Never throws. */
export function parseGeniusWebProfile(text: string, file: string, domain: GeniusDomain): Result<Party> {
  return guarded(file, () => readWebProfile(text, file, domain));
}

function readWebProfile(text: string, file: string, domain: GeniusDomain): Result<Party> {
  const { diag, root } = readJson(text, file);
  if (!root) return diag.failure();
  const top = expectObject(diag, root, 'a GeniusWeb profile', 0);
  if (!top) return diag.failure();
  const las = member(top, 'LinearAdditiveUtilitySpace');
  if (!las) {
    const kind = top.entries[0]?.key;
    diag.error(
      'unsupported-profile',
      kind
        ? `"${kind}" profiles are not supported (only LinearAdditiveUtilitySpace)`
        : 'a GeniusWeb profile is {"LinearAdditiveUtilitySpace": {...}}',
      top.entries[0]?.keyOffset ?? top.offset,
    );
    return diag.failure();
  }
  const body = expectObject(diag, las.value, 'LinearAdditiveUtilitySpace', las.keyOffset);
  if (!body) return diag.failure();
  const embedded = member(body, 'domain');
  if (embedded) checkEmbeddedDomain(diag, embedded.value, domain);
  const utils = expectObject(diag, member(body, 'issueUtilities')?.value, '"issueUtilities"', body.offset);
  const ws = expectObject(diag, member(body, 'issueWeights')?.value, '"issueWeights"', body.offset);
  if (!utils || !ws) return diag.failure();
  const weights: number[] = [];
  const values: ValueFunction[] = [];
  let sum = 0;
  domain.issues.forEach((issue) => {
    const w = member(ws, issue.name);
    const u = member(utils, issue.name);
    if (!w) diag.error('missing-weight', `"issueWeights" has no weight for issue "${issue.name}"`, ws.offset);
    if (!u)
      diag.error('missing-issue', `"issueUtilities" has no entry for issue "${issue.name}"`, utils.offset);
    const weight = w && expectNumber(diag, w.value, `weight of "${issue.name}"`, w.keyOffset);
    if (weight !== undefined && (weight < 0 || weight > 1)) {
      diag.error(
        'bad-weight',
        `weight ${weight} of "${issue.name}" is outside [0, 1]`,
        w?.value.offset ?? ws.offset,
      );
    }
    weights.push(weight ?? 0);
    sum += weight ?? 0;
    values.push((u && readValueUtilities(diag, issue, u.value)) ?? { kind: 'table', values: [] });
  });
  for (const e of [...utils.entries, ...ws.entries]) {
    if (!domain.issues.some((i) => i.name === e.key)) {
      diag.warn('unknown-issue', `"${e.key}" is no issue of the domain; ignored`, e.keyOffset);
    }
  }
  if (!diag.failed && Math.abs(sum - 1) > 1e-6) {
    diag.warn(
      'weight-sum',
      `issue weights sum to ${sum}, not 1 (GeniusWeb refuses that); used as given`,
      ws.offset,
    );
  }
  const reservationValue = readReservation(
    diag,
    member(body, 'reservationBid')?.value,
    domain,
    weights,
    values,
  );
  return diag.result(() => ({
    name: baseName(file),
    role: 'principal' as const,
    utility: { kind: 'linear-additive' as const, weights, values },
    reservationValue,
    discountFactor: 1,
    redLines: [],
    source: file,
  }));
}

function inUnit(diag: Diagnostics, node: JsonNode | undefined, what: string, at: number): number | undefined {
  const x = expectNumber(diag, node, what, at);
  if (x !== undefined && (x < 0 || x > 1)) {
    diag.error('bad-utility', `${what} is ${x}, outside [0, 1]`, node?.offset ?? at);
    return undefined;
  }
  return x;
}

function readValueUtilities(diag: Diagnostics, issue: Issue, node: JsonNode): ValueFunction | undefined {
  const spec = expectObject(diag, node, `utilities of "${issue.name}"`, 0);
  if (!spec) return undefined;
  const disc = member(spec, 'discreteutils') ?? member(spec, 'DiscreteValueSetUtilities');
  const num = member(spec, 'numberutils') ?? member(spec, 'NumberValueSetUtilities');
  if (disc && issue.kind === 'discrete') {
    const body = expectObject(diag, disc.value, `"discreteutils" of "${issue.name}"`, disc.keyOffset);
    const vu =
      body && expectObject(diag, member(body, 'valueUtilities')?.value, '"valueUtilities"', body.offset);
    if (!vu) return undefined;
    for (const e of vu.entries) {
      if (!issue.values.includes(e.key)) {
        diag.error('unknown-value', `"${e.key}" is not a value of issue "${issue.name}"`, e.keyOffset);
      }
    }
    const table = issue.values.map((v) => {
      const e = member(vu, v);
      if (!e)
        diag.error('missing-evaluation', `value "${v}" of issue "${issue.name}" has no utility`, vu.offset);
      return (e && inUnit(diag, e.value, `utility of "${v}"`, e.keyOffset)) ?? 0;
    });
    return { kind: 'table', values: table };
  }
  if (num && issue.kind !== 'discrete') {
    const b = expectObject(diag, num.value, `"numberutils" of "${issue.name}"`, num.keyOffset);
    if (!b) return undefined;
    const lowValue = expectNumber(diag, member(b, 'lowValue')?.value, '"lowValue"', b.offset);
    const highValue = expectNumber(diag, member(b, 'highValue')?.value, '"highValue"', b.offset);
    const lowUtility = inUnit(diag, member(b, 'lowUtility')?.value, '"lowUtility"', b.offset);
    const highUtility = inUnit(diag, member(b, 'highUtility')?.value, '"highUtility"', b.offset);
    if (
      lowValue === undefined ||
      highValue === undefined ||
      lowUtility === undefined ||
      highUtility === undefined
    )
      return undefined;
    if (!(highValue > lowValue) || lowValue !== issue.min || highValue !== issue.max) {
      diag.error(
        'range-mismatch',
        `"numberutils" of "${issue.name}" span ${lowValue}..${highValue} but the issue spans ${issue.min}..${issue.max}`,
        b.offset,
      );
      return undefined;
    }
    const slope = (highUtility - lowUtility) / (highValue - lowValue);
    return { kind: 'linear', x0: lowValue, y0: lowUtility, slope, clampMin: 0, clampMax: 1 };
  }
  diag.error(
    'bad-json-shape',
    `utilities of ${issue.kind} issue "${issue.name}" must be ${issue.kind === 'discrete' ? '{"discreteutils": …}' : '{"numberutils": …}'}`,
    spec.offset,
  );
  return undefined;
}

function checkEmbeddedDomain(diag: Diagnostics, node: JsonNode, domain: GeniusDomain): void {
  const scratch = diag.problems.length;
  const issues = readIssues(diag, node, 'the embedded "domain"');
  if (!issues || diag.problems.length > scratch) return;
  const same =
    issues.length === domain.issues.length &&
    issues.every((x, i) => JSON.stringify(x) === JSON.stringify(domain.issues[i]));
  if (!same) {
    diag.error('domain-mismatch', `the embedded "domain" differs from ${domain.file}`, node.offset);
  }
}

function readReservation(
  diag: Diagnostics,
  node: JsonNode | undefined,
  domain: GeniusDomain,
  weights: readonly number[],
  values: readonly ValueFunction[],
): number {
  if (!node || node.kind === 'null') return 0;
  const bid = expectObject(diag, node, '"reservationBid"', 0);
  const iv = bid && expectObject(diag, member(bid, 'issuevalues')?.value, '"issuevalues"', bid.offset);
  if (!iv) return 0;
  let u = 0;
  domain.issues.forEach((issue, i) => {
    const e = member(iv, issue.name);
    if (!e) return; // GeniusWeb: an issue missing from a partial bid contributes 0
    let index = -1;
    for (let k = 0; k < issueSize(issue) && index < 0; k++) {
      const x = issue.kind === 'discrete' ? issue.values[k] : issueNumberAt(issue, k);
      if (x === (e.value.kind === 'string' || e.value.kind === 'number' ? e.value.value : undefined))
        index = k;
    }
    if (index < 0) {
      diag.error(
        'unknown-value',
        `reservation bid value for "${issue.name}" is not a value of that issue`,
        e.value.offset,
      );
      return;
    }
    const fn = values[i];
    if (fn) u += (weights[i] ?? 0) * evaluateValue(fn, issueNumberAt(issue, index), index);
  });
  return u;
}
