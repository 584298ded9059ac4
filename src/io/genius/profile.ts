import type { Result } from '../../core/errors.js';
import type { Party } from '../../model/party.js';
import type { UtilityFunction } from '../../preferences/utility.js';
import { readAdditive } from './additive.js';
import { parseDecimal } from './attributes.js';
import { type Diagnostics, guarded } from './diagnostics.js';
import { baseName, type GeniusDomain } from './domain.js';
import { readHyperRectangles } from './nonlinear.js';
import { attr, childrenNamed, firstChild, readXml, type XmlElement } from './xml-tree.js';

/**
 * Reads a GENIUS profile (`<utility_space>`) against its domain into a {@link Party}: role
 * `principal`, named after the file (base name without extension), `source` = the file, red
 * lines none (GENIUS has no such notion).
 *
 * - `<reservation value>`: the reservation value, 0 when absent. A value that is not a number is
 *   ignored with a warning (GENIUS prints "Utility space has no reservation value" and goes on),
 *   except `-inf`, NegMAS's "no reservation value", read as −∞ with a warning.
 * - `<discount_factor value>`: 1 when absent; outside (0, 1] GENIUS discards it and uses 1, and
 *   so do we, with a warning.
 * - `type`: absent → additive (see {@link readAdditive}); `nonlinear` → hyperrectangles (see
 *   {@link readHyperRectangles}); `UNCERTAIN` (ANAC 2015–16 preference-elicitation profiles) →
 *   additive: the evaluations written are the party's true utilities, the rest (`comparisons`,
 *   `errors`, …) only configures what an agent is shown; `any` (written by NegMAS's exporter on
 *   every profile, additive or not in NegMAS's sense, but only additive profiles export to
 *   GENIUS XML) → additive, with a warning. Any other type is refused.
 *
 * Never throws; every problem comes back located (file:line:column).
 */
export function parseGeniusProfile(text: string, file: string, domain: GeniusDomain): Result<Party> {
  return guarded(file, () => readProfile(text, file, domain));
}

function readProfile(text: string, file: string, domain: GeniusDomain): Result<Party> {
  const { diag, root } = readXml(text, file);
  if (!root) return diag.failure();
  if (root.name !== 'utility_space') {
    diag.error(
      'not-a-genius-profile',
      `the root element is <${root.name}>; a GENIUS profile has <utility_space>`,
      root.offset,
    );
    return diag.failure();
  }
  const reservationValue = readReservation(diag, root);
  let discountFactor = readScalar(diag, root, 'discount_factor', 1);
  if (!(discountFactor > 0 && discountFactor <= 1)) {
    const el = firstChild(root, 'discount_factor') as XmlElement;
    diag.warn(
      'discount-out-of-range',
      `discount factor ${discountFactor} is outside (0, 1]; GENIUS discards it and uses 1, and so do we`,
      attr(el, 'value')?.offset ?? el.offset,
    );
    discountFactor = 1;
  }
  const type = attr(root, 'type');
  const kind = (type?.value ?? '').trim().toLowerCase();
  let utility: UtilityFunction | undefined;
  if (kind === 'nonlinear') {
    utility = readHyperRectangles(diag, root, domain);
  } else if (
    kind === '' ||
    kind === 'uncertain' ||
    kind === 'linear' ||
    kind === 'additive' ||
    kind === 'any'
  ) {
    if (kind === 'any' && type) {
      // NegMAS's exporter (`UtilityFunction.to_xml_str`) writes type="any" on every profile.
      diag.warn(
        'non-standard-attribute',
        `type="${type.value}" on <utility_space> is not a GENIUS type (NegMAS's exporter writes it); read as the additive profile it holds`,
        type.offset,
      );
    }
    const objective = firstChild(root, 'objective');
    if (!objective) diag.error('missing-element', '<utility_space> has no <objective>', root.offset);
    else utility = readAdditive(diag, objective, domain);
  } else {
    diag.error(
      'unknown-utility-space-type',
      `<utility_space type="${type?.value}"> is not a GENIUS utility space type (none, nonlinear or UNCERTAIN)`,
      type?.offset ?? root.offset,
    );
  }
  return diag.result(() => ({
    name: baseName(file),
    role: 'principal' as const,
    utility: utility as UtilityFunction,
    reservationValue,
    discountFactor,
    redLines: [],
    source: file,
  }));
}

/** Written by NegMAS for "no reservation value" (Python's `str(float('-inf'))`, or Java's). */
const MINUS_INFINITY = /^\s*-\s*inf(inity)?\s*$/i;

/**
 * `<reservation value>`: a number, 0 when absent (GENIUS); `-inf` (what NegMAS writes when a
 * party has no reservation value) is read as −∞, i.e. every outcome is acceptable to it.
 */
function readReservation(diag: Diagnostics, root: XmlElement): number {
  const a = firstChild(root, 'reservation') && attr(firstChild(root, 'reservation') as XmlElement, 'value');
  if (a && MINUS_INFINITY.test(a.value)) {
    diag.warn(
      'non-standard-attribute',
      `reservation value="${a.value}" is not a GENIUS number (NegMAS writes it for "no reservation value"); read as −∞: every outcome is acceptable to this party`,
      a.offset,
    );
    return Number.NEGATIVE_INFINITY;
  }
  return readScalar(diag, root, 'reservation', 0);
}

/** `<name value="x">` directly under the root: its number, or `fallback` (with a warning if bad). */
function readScalar(diag: Diagnostics, root: XmlElement, name: string, fallback: number): number {
  const all = childrenNamed(root, name);
  const el = all[0];
  if (!el) return fallback;
  for (const extra of all.slice(1)) {
    diag.warn('ignored-element', `a second <${name}>; GENIUS reads only the first`, extra.offset);
  }
  const a = attr(el, 'value');
  const x = a ? parseDecimal(a.value) : undefined;
  if (x === undefined) {
    diag.warn(
      'bad-scalar',
      `<${name}> has ${a ? `value="${a.value}", not a finite number` : 'no value="..."'}; GENIUS ignores it and uses ${fallback}, and so do we`,
      a?.offset ?? el.offset,
    );
    return fallback;
  }
  return x;
}
