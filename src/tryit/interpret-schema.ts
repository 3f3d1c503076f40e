// Checks a value against a schema the way the build-time validators do, without Ajv: the request
// checks of groups compiled in the browser (compile-in-browser.ts) and the response check
// (response-schemas.ts) run on @cfworker/json-schema, which interprets JSON Schema 2020-12
// without generating code (no `new Function`, so a strict Content-Security-Policy allows it) and
// weighs ~6 KB gzip against Ajv's 44 KB. Its output units become Ajv's errors (ajv-errors.ts),
// so schema-errors.ts words a problem the same either way.
import { dereference, format as knownFormats, validate, type Schema } from '@cfworker/json-schema';
import { decodeRefToken } from '../openapi/index.ts';
import { COMPONENTS_ID } from './ajv-schema.ts';
import type { Validate } from './check-response.ts';
import { FORMAT_MARK, toAjvErrors } from './ajv-errors.ts';

/** Ajv format definitions as ajv-formats exports them (`fullFormats`). */
export type FormatDefinitions = Record<string, true | RegExp | ((value: string) => boolean) | { type?: string; validate: RegExp | ((value: string) => boolean) }>;

/** Never fetched: only gives relative `$ref`s (`components#/…`) one base, whatever page runs them. */
const BASE = 'https://schemas.invalid/';

/**
 * A checker per schema, against the API's named schemas (under COMPONENTS_ID, where toAjvSchema
 * points `$ref`s): each named schema is indexed once for every schema checked.
 * `formats`: ajv-formats' full set, so a string passes or fails as it does under Ajv.
 */
export function createInterpreter(components: Record<string, unknown>, formats: FormatDefinitions): (schema: unknown) => Validate {
  useFormats(formats);
  const numberRules = Object.fromEntries(Object.entries(NUMBER_FORMATS).filter(([name]) => isNumberFormat(formats[name])));
  const shared = createNamedSchemas(components, new URL(COMPONENTS_ID, BASE), numberRules);
  let count = 0;
  return (original) => {
    const schema = withNumberFormats(original, numberRules) as Schema;
    const lookup = dereference(schema, Object.create(shared) as Record<string, Schema>, new URL(`${BASE}request-${count++}`));
    const check = ((data: unknown) => {
      const result = validate(data, schema, '2020-12', lookup, false);
      check.errors = result.valid ? null : toAjvErrors(result.errors, schema, lookup, data);
      return result.valid;
    }) as Validate;
    return check;
  };
}

/**
 * cfworker's index of schemas by URI, for the named ones: each named schema is indexed when a
 * check first reaches it. Indexing all of Graph's at once takes ~200 ms of the main thread
 * (a URL and a property per subschema), and a reader's request reaches few of them.
 */
function createNamedSchemas(components: Record<string, unknown>, base: URL, numberRules: Record<string, object>): Record<string, Schema | boolean> {
  const prefix = `${base.href}#/components/schemas/`;
  const indexed: Record<string, Schema | boolean> = Object.create(null);
  const done = new Set<string>();
  return new Proxy(indexed, {
    get(target, uri) {
      if (typeof uri === 'string' && target[uri] === undefined && uri.startsWith(prefix)) {
        const token = uri.slice(prefix.length).split('/')[0];
        const name = decodeRefToken(token);
        if (!done.has(name) && Object.prototype.hasOwnProperty.call(components, name)) {
          done.add(name);
          dereference(withNumberFormats(components[name], numberRules) as Schema, target, base, `/components/schemas/${token}`);
        }
      }
      return target[uri as string];
    },
  });
}

/**
 * What ajv-formats' number formats demand, as schema keywords (cfworker checks `format` on
 * strings only); `float` and `double` take any number. A schema with such a format gets the
 * rule as one more `allOf` branch, marked with FORMAT_MARK, whose failures ajv-errors.ts
 * reports as the `format` error Ajv gives.
 */
const NUMBER_FORMATS: Record<string, object> = {
  int32: { type: 'integer', minimum: -2147483648, maximum: 2147483647 },
  int64: { type: 'integer' },
};

function isNumberFormat(definition: FormatDefinitions[string] | undefined): boolean {
  return typeof definition === 'object' && !(definition instanceof RegExp) && definition.type === 'number';
}

/** A copy of the schema with a marked rule beside each number format; parts without one are shared, not copied. */
function withNumberFormats(node: unknown, rules: Record<string, object>): unknown {
  if (Array.isArray(node)) {
    const items = node.map((item) => withNumberFormats(item, rules));
    return items.some((item, i) => item !== node[i]) ? items : node;
  }
  if (!node || typeof node !== 'object') return node;
  let out: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    // `enum`, `const` and `default` hold values, not schemas.
    const changed = key === 'enum' || key === 'const' || key === 'default' ? value : withNumberFormats(value, rules);
    if (changed !== value) (out ??= { ...node })[key] = changed;
  }
  const rule = typeof (node as { format?: unknown }).format === 'string' ? rules[(node as { format: string }).format] : undefined;
  if (rule) {
    out ??= { ...node };
    out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), { [FORMAT_MARK]: true, if: { type: 'number' }, then: rule }];
  }
  return out ?? node;
}

/**
 * cfworker checks string formats from one table of its own, whose rules differ from
 * ajv-formats' in places (`urn:uuid:` uuids, durations, emails, `+0100` time zones…): the table
 * gets ajv-formats' rules instead. The table is cfworker's module state, so the last set given
 * applies to every interpreter: every caller gives ajv-formats' full set. Number formats: see
 * NUMBER_FORMATS.
 */
function useFormats(formats: FormatDefinitions): void {
  for (const name of Object.keys(knownFormats)) if (!(name in formats)) delete knownFormats[name];
  for (const [name, definition] of Object.entries(formats)) {
    const rule = definition === true || definition instanceof RegExp || typeof definition === 'function' ? definition : definition.type === 'number' ? undefined : definition.validate;
    if (rule === undefined) delete knownFormats[name];
    else knownFormats[name] = rule === true ? () => true : rule instanceof RegExp ? (value) => rule.test(value) : rule;
  }
}
