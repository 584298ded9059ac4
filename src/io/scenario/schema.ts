import { z } from 'zod';

/**
 * The shape of a scenario file (YAML or JSON), as one zod schema. Types are derived from it with
 * `z.infer`; `schema/scenario.schema.json` is generated from it (scripts/gen-schema.ts).
 *
 * The schema checks the *shape* only (keys, types, per-field ranges); it has no transforms or
 * defaults, so a value that passes is also a valid raw input (the parser relies on that).
 * Checks that relate fields (min ≤ max, known issue names, duplicates) live in `check-*.ts`.
 *
 * Every object is strict: an unknown key is reported (typos must be caught). To add a top-level
 * section (evidence, drafts, …): add its schema to {@link scenarioSections}, a check to
 * `check.ts` and a step to `build.ts`.
 */

/** Descriptions and `$defs` names for the published JSON Schema (kept out of zod's global registry). */
export const scenarioRegistry = z.registry<{ id?: string; description?: string }>();

function doc<T extends z.ZodType>(schema: T, description: string, id?: string): T {
  scenarioRegistry.add(schema, id === undefined ? { description } : { id, description });
  return schema;
}

const text = (description: string) => doc(z.string(), description);
const name = (description: string) => doc(z.string().min(1, { error: 'must not be empty' }), description);

// ── Issues ──────────────────────────────────────────────────────────────────────────────────────

const discreteIssue = doc(
  z.strictObject({
    name: name('Unique issue name, used to refer to the issue in values, weights and red lines.'),
    kind: doc(z.literal('discrete'), 'Optional: an issue with `options` is discrete.').optional(),
    description: text('What the issue is about.').optional(),
    options: doc(
      z
        .array(z.string().min(1, { error: 'an option name must not be empty' }))
        .min(1, { error: 'a discrete issue needs at least one option' }),
      'The named options, in order.',
    ),
  }),
  'An issue with named options, e.g. `options: [remote, hybrid, office]`.',
  'DiscreteIssue',
);

const integerIssue = doc(
  z.strictObject({
    name: name('Unique issue name.'),
    kind: z.literal('integer'),
    description: text('What the issue is about.').optional(),
    min: doc(z.int(), 'Smallest value.'),
    max: doc(z.int(), 'Largest value (included when a whole number of steps from `min`).'),
    step: doc(z.int().positive(), 'Distance between consecutive values; default 1.').optional(),
    unit: text('Unit shown in reports, e.g. `EUR`.').optional(),
  }),
  'Whole numbers from `min` to `max` in steps of `step`.',
  'IntegerIssue',
);

const realIssue = doc(
  z.strictObject({
    name: name('Unique issue name.'),
    kind: z.literal('real'),
    description: text('What the issue is about.').optional(),
    min: doc(z.number(), 'Smallest value.'),
    max: doc(z.number(), 'Largest value.'),
    resolution: doc(
      z.int().min(2),
      'Number of evenly spaced points analysis uses, ends included; default 11.',
    ).optional(),
    unit: text('Unit shown in reports, e.g. `%`.').optional(),
  }),
  'A continuous range; analysis uses `resolution` evenly spaced points.',
  'RealIssue',
);

export const issueSchema = z.discriminatedUnion('kind', [discreteIssue, integerIssue, realIssue]);

// ── Values (how a party scores one issue) ──────────────────────────────────────────────────────

/** A fresh schema per use, so each use keeps its own description. */
const point = (description: string) =>
  doc(z.tuple([z.number(), z.number()], { error: 'a point is [x, y], two numbers' }), description);

const linearSpec = doc(
  z.strictObject({
    linear: z.strictObject({
      from: point('A point [x, y] on the line: value x scores y.'),
      to: point('A second point on the line (or give `slope`).').optional(),
      slope: doc(z.number(), 'Score change per unit (or give `to`).').optional(),
      clamp: doc(
        z.tuple([z.number().nullable(), z.number().nullable()], {
          error: 'clamp is [lowest, highest]; use null for no bound',
        }),
        'Scores are kept within [lowest, highest]; null for no bound.',
      ).optional(),
    }),
  }),
  'A straight line through `from` and `to` (or from `from` with `slope`); numeric issues only.',
  'LinearValues',
);

const piecewiseSpec = doc(
  z.strictObject({
    piecewise: z
      .array(point('A point [x, y]: value x scores y.'))
      .min(1, { error: 'piecewise needs at least one point' }),
  }),
  'Straight lines between points sorted by x, flat beyond the ends; numeric issues only.',
  'PiecewiseValues',
);

const scoreTable = doc(
  z.record(z.string(), z.number()),
  'A score per option (discrete issues) or per value (numeric issues); a value not listed scores 0.',
  'ScoreTable',
);

export const valueSpecSchema = z.union([linearSpec, piecewiseSpec, scoreTable]);

// ── Conditions and red lines ───────────────────────────────────────────────────────────────────

const issueValue = doc(z.union([z.string(), z.number()]), 'An option name or a number.');

const issueCondition = doc(
  z.strictObject({
    issue: doc(z.string(), 'The issue the condition reads.'),
    in: doc(z.array(issueValue), 'Matches these values.').optional(),
    notIn: doc(z.array(issueValue), 'Matches any value but these.').optional(),
    below: doc(z.number(), 'Matches values < this (numeric issues).').optional(),
    above: doc(z.number(), 'Matches values > this (numeric issues).').optional(),
    atMost: doc(z.number(), 'Matches values ≤ this (numeric issues).').optional(),
    atLeast: doc(z.number(), 'Matches values ≥ this (numeric issues).').optional(),
  }),
  'Outcomes whose value of `issue` meets every bound given.',
  'IssueCondition',
);

// The condition type is written out rather than inferred: with zod's prototype extended (the
// server's OpenAPI generator adds `.openapi(): this`) TypeScript can no longer infer the recursion.
type IssueConditionShape = z.infer<typeof issueCondition>;
type ConditionShape =
  | IssueConditionShape
  | { all: ConditionShape[] }
  | { any: ConditionShape[] }
  | { not: ConditionShape };

const allCondition: z.ZodType<{ all: ConditionShape[] }> = doc(
  z.strictObject({
    get all(): z.ZodType<ConditionShape[]> {
      return z.array(conditionSchema).min(1, { error: 'all needs at least one condition' });
    },
  }),
  'Outcomes that meet every condition.',
  'AllCondition',
);
const anyCondition: z.ZodType<{ any: ConditionShape[] }> = doc(
  z.strictObject({
    get any(): z.ZodType<ConditionShape[]> {
      return z.array(conditionSchema).min(1, { error: 'any needs at least one condition' });
    },
  }),
  'Outcomes that meet at least one condition.',
  'AnyCondition',
);
const notCondition: z.ZodType<{ not: ConditionShape }> = doc(
  z.strictObject({
    get not(): z.ZodType<ConditionShape> {
      return conditionSchema;
    },
  }),
  'Outcomes that do not meet the condition.',
  'NotCondition',
);

export const conditionSchema: z.ZodType<ConditionShape> = doc(
  z.union([issueCondition, allCondition, anyCondition, notCondition]),
  'A set of outcomes.',
  'Condition',
);

export const redLineSchema = doc(
  z.strictObject({
    id: name('Unique id of the red line in the scenario.'),
    description: text('The red line in words.').optional(),
    forbid: conditionSchema,
  }),
  'A hard constraint: outcomes matching `forbid` are unacceptable to the party whatever their utility.',
  'RedLine',
);

export const constraintSchema = doc(
  z.strictObject({
    id: name('Unique id of the constraint in the scenario (red lines and constraints share one namespace).'),
    description: text('The link between issues in words, and why it holds.').optional(),
    forbid: doc(conditionSchema, 'A combination that cannot happen.').optional(),
    require: doc(
      conditionSchema,
      'A combination that must hold (outcomes outside it cannot happen).',
    ).optional(),
  }),
  'A feasibility constraint of the outcome space (a link between issues): give exactly one of `forbid` or `require`. Not any party’s red line: nobody can drop or concede it; analysis leaves out the outcomes it rules out.',
  'FeasibilityConstraint',
);

// ── Utility given as hyper-rectangles ──────────────────────────────────────────────────────────

const bound = doc(
  z.union([issueValue, z.strictObject({ from: issueValue, to: issueValue })]),
  'One value, or an inclusive range `{ from, to }` in the issue’s order.',
);

export const utilitySchema = doc(
  z.strictObject({
    hyperrectangle: z.strictObject({
      scale: doc(z.number().positive(), 'Divisor applied to the summed utility; default 1.').optional(),
      cap: doc(
        z.number(),
        'Utilities above this count as this (GENIUS caps at 1); default no cap.',
      ).optional(),
      rectangles: z.array(
        z.strictObject({
          utility: doc(z.number(), 'Added when the outcome is inside the rectangle.'),
          where: doc(z.record(z.string(), bound), 'Issue name → value or range; issues not listed are free.'),
        }),
      ),
    }),
  }),
  'A non-additive utility: the sum of the utilities of the rectangles an outcome lies in, divided by `scale`, at most `cap`.',
  'HyperRectangleUtility',
);

// ── Parties ────────────────────────────────────────────────────────────────────────────────────

export const partySchema = doc(
  z.strictObject({
    name: name('Unique party name.'),
    role: doc(z.enum(['principal', 'mediator', 'stakeholder']), 'Default principal.').optional(),
    description: text('Who the party is.').optional(),
    reservation: doc(
      z.number(),
      'Utility of walking away (the BATNA), on the same 0–1 scale as values; default 0.',
    ).optional(),
    discount: doc(z.number().gt(0).lte(1), 'Per-round discount factor in (0, 1]; default none.').optional(),
    values: doc(
      z.record(z.string(), valueSpecSchema),
      'Issue name → how the party scores that issue. Issues not listed do not matter to the party.',
    ).optional(),
    weights: doc(
      z.record(z.string(), z.number().nonnegative()),
      'Issue name → relative importance (≥ 0); divided by their sum. Default: equal over the issues in values.',
    ).optional(),
    normalizeWeights: doc(
      z.boolean(),
      'Default true: weights are divided by their sum. false: used as written (files converted from GENIUS).',
    ).optional(),
    utility: doc(utilitySchema, 'Instead of values and weights: a hyper-rectangle utility.').optional(),
    redLines: doc(z.array(redLineSchema), 'Hard constraints.').optional(),
  }),
  'A side at the table (principal), a mediator or a stakeholder.',
  'Party',
);

// ── The record: sources, evidence, assumptions, drafts, events, levers ───────────────────────

const id = (what: string) => name(`Unique id of the ${what} in the scenario.`);
const ids = (description: string) => doc(z.array(z.string().min(1)), description);

export const sourceSchema = doc(
  z.strictObject({
    id: id('source'),
    title: name('Title as published.'),
    publisher: text('Who published it, when the source says.').optional(),
    date: text('Publication date (ISO), when known.').optional(),
    file: text('Where the text is, relative to the scenario file (or a shared seed folder).').optional(),
    url: text('Address, when known.').optional(),
  }),
  'A document the record cites.',
  'Source',
);

const evidenceBase = {
  id: id('evidence'),
  source: doc(z.string().min(1), 'Id of the source.'),
  locator: name('Where in the source, e.g. `paragraph 9`.'),
  date: text('When it was said or held, as precise as the source is.').optional(),
  supports: ids('Ids of what it supports: parties, issues, red lines, drafts, events, assumptions, levers.'),
};

export const evidenceSchema = doc(
  z.discriminatedUnion('kind', [
    z.strictObject({
      ...evidenceBase,
      kind: z.literal('quote'),
      quote: name('The words, verbatim as the source reports them.'),
      speaker: name('Who said it.'),
      speakerRole: text('The speaker’s role at the time.').optional(),
    }),
    z.strictObject({
      ...evidenceBase,
      kind: z.literal('fact'),
      fact: name('The figure or event in our own words (never the source’s sentences).'),
      figures: ids('Numbers exactly as they stand in the source, e.g. `600,000`.').optional(),
    }),
  ]),
  'A quote (verbatim, with speaker) or a fact (own words, with the figures as in the source).',
  'Evidence',
);

export const distributionSchema = doc(
  z.union([
    z.strictObject({ fixed: z.number() }),
    z.strictObject({ uniform: z.tuple([z.number(), z.number()]) }),
    z.strictObject({ triangular: z.tuple([z.number(), z.number(), z.number()]) }),
    z.strictObject({ bernoulli: z.number().min(0).max(1) }),
  ]),
  '`fixed: x`, `uniform: [min, max]`, `triangular: [min, mode, max]` or `bernoulli: p` (1 with probability p, else 0).',
  'Distribution',
);

export const assumptionSchema = doc(
  z.strictObject({
    id: id('assumption'),
    parameter: doc(
      z.string().min(1),
      'What it sets: `<party>.reservation`, `<party>.weights.<issue>`, `<party>.values.<issue>.<option>`, `<party>.redLines.<id>.active` or `.below/.above/.atMost/.atLeast`.',
    ),
    value: doc(
      z.number(),
      'Point estimate used by deterministic analysis; default: the value in the party.',
    ).optional(),
    distribution: distributionSchema,
    rationale: name('Why this range, in one line.'),
    evidence: ids('Evidence that informs it.').optional(),
  }),
  'A parameter the sources do not give, with a range or distribution and a rationale.',
  'Assumption',
);

export const draftSchema = doc(
  z.strictObject({
    name: name('Name of the draft, e.g. `28-point plan`.'),
    description: text('What the draft is.').optional(),
    drafters: doc(z.array(z.string().min(1)).min(1), 'Who drafted it.'),
    where: text('Where it was drafted.').optional(),
    when: text('When, as precise as the source is.').optional(),
    revises: text('Name of the draft this one revises.').optional(),
    pointCount: doc(z.int().positive(), 'How many points the text has in all.'),
    evidence: ids('Evidence about the draft.'),
    points: doc(
      z.array(
        z.strictObject({
          number: doc(
            z.int().positive(),
            'Point number in the text (when the source gives it; otherwise our order).',
          ),
          title: name('The point in a few words.'),
          summary: text('What the source says of it, in our words.').optional(),
          sets: doc(z.record(z.string(), issueValue), 'Issue → value the point fixes.').optional(),
          detailed: doc(z.boolean(), 'false when the source does not say what the point contains.'),
          modelled: doc(
            z.boolean(),
            'true when the point is our modelling, not a term the source attributes to this draft (it is then not counted as known).',
          ).optional(),
          evidence: ids('Evidence for the point.'),
        }),
      ),
      'The points the sources describe.',
    ),
  }),
  'A negotiating text as numbered points, with provenance.',
  'Draft',
);

const effectBasis = {
  evidence: ids('Evidence that the event did this (the effect is then a fact).').optional(),
  rationale: text(
    'Why we model it so, when no evidence says it (the effect is then an assumption).',
  ).optional(),
};

export const eventEffectSchema = doc(
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('draft'),
      draft: name('Name of the draft the event tables.'),
      ...effectBasis,
    }),
    z.strictObject({
      kind: z.literal('add-red-line'),
      redLine: name('Id of a red line that holds from this event on.'),
      ...effectBasis,
    }),
    z.strictObject({
      kind: z.literal('drop-red-line'),
      redLine: name('Id of a red line dropped at this event.'),
      ...effectBasis,
    }),
    z.strictObject({
      kind: z.literal('lever'),
      lever: name('Id of a lever.'),
      level: name('The level it is set to from this event on.'),
      ...effectBasis,
    }),
    z.strictObject({
      kind: z.literal('assumption'),
      assumption: name('Id of an assumption whose range the event moves.'),
      value: doc(z.number(), 'New point estimate (default: the mode or midpoint of the range).').optional(),
      distribution: distributionSchema,
      ...effectBasis,
    }),
  ]),
  'How an event moves the model from its day on.',
  'EventEffect',
);

export const eventSchema = doc(
  z.strictObject({
    id: id('event'),
    date: name('When, as precise as the source is (free text).'),
    on: text('ISO day (YYYY-MM-DD) that orders the event for `asOf`; required with effects.').optional(),
    title: name('What happened.'),
    place: text('Where.').optional(),
    parties: ids('Parties involved.').optional(),
    evidence: ids('Evidence for the event.'),
    effects: doc(z.array(eventEffectSchema), 'How the event moves the model.').optional(),
  }),
  'Something that happened, linked to evidence.',
  'Event',
);

export const leverSchema = doc(
  z.strictObject({
    id: id('lever'),
    name: name('Name shown in reports.'),
    description: text('What the lever is.').optional(),
    levels: doc(z.record(z.string(), z.number()), 'Named levels → numbers, e.g. `{ current: 0, high: 1 }`.'),
    baseline: name('The level in force now.'),
    evidence: ids('Evidence that the lever exists.').optional(),
    effects: z.array(
      z.strictObject({
        parameter: doc(z.string().min(1), 'A parameter path, as for assumptions.'),
        perUnit: doc(z.number(), 'Added to the parameter per unit of (level − baseline).'),
        assumption: text(
          'Id of the assumption that sets perUnit (it then varies in Monte Carlo).',
        ).optional(),
        rationale: name('Why the lever moves this parameter, in one line.'),
      }),
    ),
  }),
  'A parameter someone can move (sanctions, aid, battlefield) and how it shifts the model.',
  'Lever',
);

const estimate = doc(
  z.strictObject({
    value: doc(z.number(), 'Point estimate.'),
    distribution: distributionSchema,
    rationale: name('Why, in one line.'),
    evidence: ids('Evidence that informs it.').optional(),
  }),
  'A number the sources do not give: point estimate, distribution and rationale.',
  'Estimate',
);

export const conflictSchema = doc(
  z.strictObject({
    sides: doc(z.tuple([z.string(), z.string()]), 'The two warring parties, side A first.'),
    divisible: z.array(
      z.strictObject({
        name: name('Name of the divisible good.'),
        issue: text('The numeric model issue it is, when there is one.').optional(),
        unit: text('Unit.').optional(),
        min: z.number(),
        max: z.number(),
        sideAWants: z.enum(['lower', 'higher']),
        warOutcome: estimate,
        costs: doc(
          z.record(z.string(), estimate),
          'Each side’s cost of war, in the good’s units, by party name.',
        ),
        leverEffects: doc(
          z.array(
            z.strictObject({
              lever: name('Id of a lever.'),
              parameter: name('`warOutcome` or `costs.<party>`.'),
              perUnit: doc(z.number(), 'Added per unit of (level − baseline).'),
              rationale: name('Why, in one line.'),
            }),
          ),
          'How levers move this dimension.',
        ).optional(),
      }),
    ),
    indivisible: z.array(
      z.strictObject({
        issue: name('A model issue.'),
        rationale: name('Why it cannot be split.'),
        evidence: ids('Evidence.').optional(),
      }),
    ),
  }),
  'The bargaining model of war applied to two sides.',
  'ConflictLens',
);

// ── The file ───────────────────────────────────────────────────────────────────────────────────

/** Top-level sections; add new ones here (each optional, so older files stay valid). */
export const scenarioSections = {
  $schema: text('Optional link to this JSON Schema, for editors.').optional(),
  name: name('Name of the negotiation.'),
  description: text('What is being negotiated.').optional(),
  issues: doc(
    z.array(issueSchema).min(1, { error: 'a scenario needs at least one issue' }),
    'The issues; together they span the outcome space.',
  ),
  parties: doc(
    z.array(partySchema).min(2, {
      error: (iss) =>
        `a negotiation needs at least 2 parties, got ${Array.isArray(iss.input) ? iss.input.length : 0}`,
    }),
    'The parties (at least 2).',
  ),
  constraints: doc(
    z.array(constraintSchema),
    'Links between issues: combinations that are impossible or required whoever is asked.',
  ).optional(),
  sources: doc(z.array(sourceSchema), 'Documents the record cites.').optional(),
  evidence: doc(z.array(evidenceSchema), 'Quotes and facts from the sources.').optional(),
  assumptions: doc(z.array(assumptionSchema), 'Parameters the sources do not give.').optional(),
  drafts: doc(z.array(draftSchema), 'Negotiating texts.').optional(),
  events: doc(z.array(eventSchema), 'The timeline.').optional(),
  levers: doc(z.array(leverSchema), 'Parameters someone can move.').optional(),
  conflict: doc(conflictSchema, 'The bargaining-of-war lens.').optional(),
  asOf: text(
    'ISO day (YYYY-MM-DD) the model stands at: effects of events up to it apply (default all).',
  ).optional(),
};

export const scenarioFileSchema = doc(
  z.strictObject(scenarioSections),
  'A negotiation for Concord: issues and parties with their preferences and red lines.',
);

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type IssueFile = z.infer<typeof issueSchema>;
export type PartyFile = z.infer<typeof partySchema>;
export type ValueSpecFile = z.infer<typeof valueSpecSchema>;
export type ConditionFile = z.infer<typeof conditionSchema>;
export type RedLineFile = z.infer<typeof redLineSchema>;
export type ConstraintFile = z.infer<typeof constraintSchema>;
export type UtilityFile = z.infer<typeof utilitySchema>;
export type BoundFile = z.infer<typeof bound>;
export type EvidenceFile = z.infer<typeof evidenceSchema>;
export type AssumptionFile = z.infer<typeof assumptionSchema>;
export type DraftFile = z.infer<typeof draftSchema>;
export type LeverFile = z.infer<typeof leverSchema>;
export type ConflictFile = z.infer<typeof conflictSchema>;
export type DistributionFile = z.infer<typeof distributionSchema>;
