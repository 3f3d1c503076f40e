// @cfworker/json-schema's output units as the errors Ajv (allErrors, as createAjv sets it up)
// reports for the same value, in Ajv's order: only the leaf errors (cfworker also reports the
// `$ref`, `properties`, `items`… that led to them), with the params schema-errors.ts reads taken
// from the schema at the keyword's place, and `schemaPath` relative to the last `$ref` followed,
// as Ajv's is (it calls a named schema as a function of its own).
import { validate, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { decodePointerToken, decodeRefToken, encodePointerToken } from '../openapi/index.ts';
import type { SchemaError } from '../request/index.ts';
import { duplicates, passing } from './ajv-error-params.ts';

type Node = Record<string, unknown>;

/** Marks the `allOf` branch interpret-schema.ts adds to check a number format: its failures are one `format` error. */
export const FORMAT_MARK = 'x-tryit-number-format';

/** Units that only say a subschema failed; the subschema's own units follow them. */
const WRAPPERS = new Set(['$ref', '$recursiveRef', 'properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'items', 'prefixItems', 'additionalItems', 'unevaluatedItems', 'allOf', 'dependentSchemas']);

/**
 * Ajv runs a schema's keywords in this order (its vocabularies: core, validation, applicator,
 * format, next, unevaluated; untyped keywords first, then those of the value's type).
 */
const RANK: Record<string, number> = {
  type: 0, $ref: 1, $recursiveRef: 1, const: 2, enum: 3, not: 4, anyOf: 5, oneOf: 6, allOf: 7, if: 8, then: 8, else: 8,
  maximum: 10, minimum: 11, exclusiveMaximum: 12, exclusiveMinimum: 13, multipleOf: 14, numberFormat: 15,
  maxLength: 20, minLength: 21, pattern: 22, format: 23,
  maxItems: 30, minItems: 31, uniqueItems: 32, prefixItems: 33, items: 34, additionalItems: 34, contains: 35, minContains: 35, maxContains: 35,
  maxProperties: 40, minProperties: 41, required: 42, propertyNames: 43, additionalProperties: 44, dependencies: 45, properties: 46, patternProperties: 47, dependentRequired: 48, dependentSchemas: 49,
  unevaluatedProperties: 50, unevaluatedItems: 51,
};
/** A single `type` with keywords of its own type is checked where that type's keywords run. */
const TYPE_GROUPS: Record<string, [number, string[]]> = {
  number: [19, ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format']],
  string: [29, ['maxLength', 'minLength', 'pattern', 'format']],
  array: [39, ['maxItems', 'minItems', 'uniqueItems', 'prefixItems', 'items', 'contains', 'minContains', 'maxContains']],
  object: [49.5, ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties', 'dependentRequired', 'dependentSchemas']],
};

interface Placed {
  error: SchemaError;
  /** Sort key: keyword ranks and positions along the way, Ajv's order when compared in turn. */
  order: number[];
}

export function toAjvErrors(reported: readonly OutputUnit[], root: unknown, lookup: Record<string, Schema | boolean>, data: unknown): SchemaError[] {
  const placed: Placed[] = [];
  const taken = new Map<string, number>();
  // A failed `contains` keeps its items' errors in Ajv; cfworker drops them: check the items again.
  const units = reported.flatMap((unit) => {
    if (unit.keyword !== 'contains') return [unit];
    const at = walk(unit.keywordLocation, unit.instanceLocation, root, lookup, data);
    const items = at && Array.isArray(at.value) ? at.value : [];
    return [...items.flatMap((item, j) => validate(item, at!.schema.contains as Schema, '2020-12', lookup, false, null, `${unit.instanceLocation}/${j}`, unit.keywordLocation).errors), unit];
  });
  units.forEach((unit, index) => {
    const next = units[index + 1];
    const previous = units[index - 1];
    let keyword = unit.keyword;
    // A `false` subschema failed (cfworker gives it no keyword location: the unit before it has it).
    if (keyword === 'false' && previous && FALSE_KEYWORDS.has(previous.keyword)) return;
    if (WRAPPERS.has(keyword) && !(next?.keyword === 'false' && FALSE_KEYWORDS.has(keyword))) return;
    if (keyword === 'dependencies' && next?.keywordLocation.startsWith(`${unit.keywordLocation}/`)) return;
    const at = keyword === 'false' ? (previous && walk(previous.keywordLocation, previous.instanceLocation, root, lookup, data)) : walk(unit.keywordLocation, unit.instanceLocation, root, lookup, data);
    if (!at) return;
    const { schema, value } = at;
    let instancePath = toPointer(unit.instanceLocation);
    if (at.numberFormat) {
      // The marked branch reports its `if`, `type`, `minimum`…: one `format` error stands for them.
      if (taken.has(`${unit.instanceLocation}|${at.schemaPath}`)) return;
      taken.set(`${unit.instanceLocation}|${at.schemaPath}`, 1);
      keyword = 'format';
    }
    const params: Record<string, unknown> = {};
    const seen = `${unit.instanceLocation}|${unit.keywordLocation}`;
    const nth = taken.get(seen) ?? 0;
    taken.set(seen, nth + 1);
    switch (keyword) {
      case 'false': {
        keyword = 'false schema';
        const name = decodePointerToken(toPointer(unit.instanceLocation).split('/').pop()!);
        at.order.push(previous!.keyword === 'properties' ? Object.keys(schema.properties as Node).indexOf(name) : Array.isArray(value) ? Number(name) : keysOf(value).indexOf(name));
        break;
      }
      case 'additionalProperties': case 'unevaluatedProperties': {
        // `…Properties: false` failed: the name is the last step of the next unit's place.
        const name = decodePointerToken(toPointer(next!.instanceLocation).split('/').pop()!);
        params[keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty'] = name;
        at.order.push(keysOf(value).indexOf(name));
        break;
      }
      case 'items': case 'additionalItems': params.limit = (schema.prefixItems as unknown[] | undefined)?.length ?? 0; break;
      case 'unevaluatedItems': params.len = (schema.prefixItems as unknown[] | undefined)?.length ?? 0; break;
      case 'type': params.type = schema.type; break;
      case 'const': params.allowedValue = schema.const; break;
      case 'enum': params.allowedValues = schema.enum; break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
        Object.assign(params, { comparison: COMPARISON[keyword], limit: schema[keyword] });
        break;
      case 'minLength': case 'maxLength': case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties':
        params.limit = schema[keyword];
        break;
      case 'multipleOf': params.multipleOf = schema.multipleOf; break;
      case 'pattern': params.pattern = schema.pattern; break;
      case 'format': params.format = schema.format; break;
      case 'required': params.missingProperty = ((schema.required as string[]) ?? []).filter((name) => !has(value, name))[nth]; break;
      case 'dependentRequired': case 'dependencies': {
        const rules = (schema[keyword] ?? {}) as Record<string, string[]>;
        const pairs = Object.entries(rules).filter(([name, deps]) => has(value, name) && Array.isArray(deps)).flatMap(([name, deps]) => deps.filter((dep) => !has(value, dep)).map((dep) => ({ property: name, missingProperty: dep, depsCount: deps.length, deps: deps.join(', ') })));
        Object.assign(params, pairs[nth]);
        break;
      }
      case 'uniqueItems': Object.assign(params, duplicates(value as unknown[], schema.items)); break;
      case 'oneOf': params.passingSchemas = passing(units, unit, (schema.oneOf as unknown[]).length); break;
      case 'if': params.failingKeyword = next?.keywordLocation.startsWith(unit.keywordLocation.replace(/if$/, 'else')) ? 'else' : 'then'; break;
      case 'contains': case 'minContains': case 'maxContains':
        keyword = 'contains';
        Object.assign(params, { minContains: schema.minContains ?? 1 }, schema.maxContains === undefined ? {} : { maxContains: schema.maxContains });
        break;
      case 'propertyNames': {
        // Ajv reports each name's errors, then the name.
        const name = decodePointerToken(toPointer(next!.instanceLocation).split('/').pop()!);
        params.propertyName = name;
        at.order.push(keysOf(value).indexOf(name));
        break;
      }
    }
    // Ajv checks a property name as a value of the object's own place.
    if (at.propertyName !== undefined) instancePath = instancePath.slice(0, instancePath.lastIndexOf('/'));
    placed.push({ error: { instancePath, schemaPath: at.schemaPath, keyword, params }, order: [...at.order, Infinity] });
  });
  // cfworker counts a property that failed its own schema as not evaluated; Ajv as evaluated
  // (that it failed is reported already): drop the second report.
  const failedBelow = (path: string) => placed.some(({ error }) => error.instancePath === path || error.instancePath.startsWith(`${path}/`));
  const kept = placed.filter(({ error }) => error.keyword !== 'unevaluatedProperties' || !failedBelow(`${error.instancePath}/${encodePointerToken(String(error.params.unevaluatedProperty))}`));
  return kept.sort((a, b) => compare(a.order, b.order)).map((p) => p.error);
}

const FALSE_KEYWORDS = new Set(['additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems', 'unevaluatedItems']);
const COMPARISON: Record<string, string> = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' };

interface At {
  /** The schema holding the unit's keyword. */
  schema: Node;
  /** The value the unit is about. */
  value: unknown;
  schemaPath: string;
  order: number[];
  propertyName?: string;
  /** The unit comes from a number format's marked branch (see FORMAT_MARK). */
  numberFormat?: boolean;
}

/** Follows a unit's keyword location (through `$ref`s, as cfworker writes it) down the schema and the value. */
function walk(keywordLocation: string, instanceLocation: string, root: unknown, lookup: Record<string, Schema | boolean>, data: unknown): At | undefined {
  const steps = keywordLocation.split('/').slice(1).map(decodeRefToken);
  const places = instanceLocation.split('/').slice(1).map(decodeRefToken);
  let node = root as Node;
  let value = data;
  let place = 0;
  let fromRef: string[] = [];
  let propertyName: string | undefined;
  const order: number[] = [];
  const down = () => {
    const name = places[place++];
    const position = Array.isArray(value) ? Number(name) : keysOf(value).indexOf(name);
    value = (value as Record<string, unknown> | undefined)?.[name];
    return position;
  };
  for (let i = 0; i < steps.length; i++) {
    if (!node || typeof node !== 'object') return undefined;
    const keyword = steps[i] === 'dependantRequired' ? 'dependentRequired' : steps[i];
    order.push(rankOf(keyword, node));
    if (i === steps.length - 1) return { schema: node, value, schemaPath: `#${fromRef.map((s) => `/${encodePointerToken(s)}`).join('')}/${keyword}`, order, propertyName };
    fromRef.push(keyword);
    if (keyword === '$ref' || keyword === '$recursiveRef') {
      node = lookup[(node as { __absolute_ref__?: string }).__absolute_ref__ ?? String(node.$ref)] as Node;
      fromRef = [];
      continue;
    }
    const child = node[keyword] as Node;
    if (keyword === 'properties') {
      const name = steps[++i];
      order.push(Object.keys(child).indexOf(name));
      fromRef.push(name);
      node = child[name] as Node;
      down();
    } else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf' || keyword === 'prefixItems' || keyword === 'patternProperties' || keyword === 'dependentSchemas' || keyword === 'dependencies' || (keyword === 'items' && Array.isArray(child))) {
      const name = steps[++i];
      const branch = (child as Record<string, Node>)[name];
      if (keyword === 'allOf' && branch?.[FORMAT_MARK]) {
        order[order.length - 1] = RANK.numberFormat;
        fromRef.pop();
        return { schema: node, value, schemaPath: `#${fromRef.map((s) => `/${encodePointerToken(s)}`).join('')}/format`, order, propertyName, numberFormat: true };
      }
      order.push(Array.isArray(child) ? Number(name) : Object.keys(child).indexOf(name));
      fromRef.push(name);
      node = branch;
      if (keyword === 'prefixItems' || keyword === 'items' || keyword === 'patternProperties') order.push(down());
    } else {
      node = child;
      if (['items', 'additionalItems', 'unevaluatedItems', 'additionalProperties', 'unevaluatedProperties', 'contains'].includes(keyword)) order.push(down());
      else if (keyword === 'propertyNames') {
        propertyName = places[place];
        order.push(down());
        value = propertyName;
      }
    }
  }
  return undefined;
}

function rankOf(keyword: string, schema: Node): number {
  if (keyword !== 'type') return RANK[keyword] ?? 60;
  const group = typeof schema.type === 'string' ? TYPE_GROUPS[schema.type] : undefined;
  return group && group[1].some((k) => schema[k] !== undefined) ? group[0] : 0;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function has(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, name);
}

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' ? Object.keys(value) : [];
}

/** cfworker's `#/a%20b/c~1d` → Ajv's `/a b/c~1d`. */
function toPointer(location: string): string {
  return location.slice(1).split('/').map((s) => decodeURIComponent(s)).join('/');
}
