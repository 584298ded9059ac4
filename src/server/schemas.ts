/**
 * The API's shapes as zod schemas: they validate requests and generate the OpenAPI document.
 * The scenario format's party schema is recursive (conditions nest), which the OpenAPI generator
 * cannot walk, so the preference set is validated with that very zod schema in the handler and
 * published from zod's own JSON Schema output (see `registerPreferencesSchema`).
 */
import { z } from '@hono/zod-openapi';
import { z as zod } from 'zod';
import { scenarioFileSchema } from '../index.js';
import type { App } from './context.js';

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    instance: z.string().optional(),
  })
  .openapi('Problem');

export const problems = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      {
        description: 'problem details (RFC 9457)',
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  );

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const RoomParam = z.object({
  room: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'room', in: 'path' }, example: 'ukraine-2025' }),
});
export const PartyParam = RoomParam.extend({
  party: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'party', in: 'path' }, example: 'russia' }),
});
export const DraftParam = RoomParam.extend({
  draft: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'draft', in: 'path' }, example: '19-point plan' }),
});
export const RunParam = RoomParam.extend({
  run: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'run', in: 'path' }, example: 1 }),
});

// Reached through `unknown`: walking the recursive type from here trips TypeScript's cycle check.
const fileShape = (scenarioFileSchema as unknown as { shape: Record<string, unknown> }).shape;
const partySchema = (fileShape.parties as { element: zod.ZodObject }).element;
/** The private set: the scenario format's party fields other than name, role and description. */
export const preferencesSchema = partySchema.omit({ name: true, role: true, description: true });
const draftSchema = (fileShape.drafts as { unwrap(): { element: zod.ZodObject } }).unwrap().element;
/** A draft in the scenario format, without its name (the path gives it). */
export const draftBodySchema = draftSchema.omit({ name: true });

/**
 * Publishes a recursive zod schema as OpenAPI components: zod's JSON Schema, its `$defs` hoisted
 * to `components/schemas` and the references rewritten to point there.
 */
export function registerJsonSchema(app: App, name: string, schema: zod.ZodType): { $ref: string } {
  const js = zod.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    reused: 'ref',
  }) as Record<string, unknown>;
  const defs = (js.$defs ?? {}) as Record<string, unknown>;
  const prefix = `${name}_`;
  const rewrite = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(rewrite);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) {
        if (k === '$ref' && typeof v === 'string')
          out[k] =
            v === '#'
              ? `#/components/schemas/${name}`
              : v.replace('#/$defs/', `#/components/schemas/${prefix}`);
        else if (k !== '$defs' && k !== '$schema') out[k] = rewrite(v);
      }
      return out;
    }
    return x;
  };
  for (const [k, v] of Object.entries(defs))
    app.openAPIRegistry.registerComponent('schemas', prefix + k, rewrite(v) as never);
  app.openAPIRegistry.registerComponent('schemas', name, rewrite(js) as never);
  return { $ref: `#/components/schemas/${name}` };
}

export const Message = z.string().max(2000).optional().openapi({ description: 'Why (kept in the history)' });
