// Small text helpers shared by the reference renderers. Every value a spec gives us passes
// through `formatValue` or `escapeHtml`: a page never shows "undefined" or "[object Object]".
import { schemaRefName, schemaTypes, type JsonSchema } from '../openapi/index.ts';
import { escapeHtml } from '../snippets/index.ts';

export { escapeHtml };

/** A spec value as one short line of JSON: strings quoted, objects compact, long ones cut. */
export function formatValue(value: unknown, max = 80): string {
  if (value === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = '(refers to itself)'; // a YAML alias inside its own anchor
  }
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const STRUCTURE = new Set(['content', 'schema', 'properties', 'items', 'schemas', 'additionalProperties', 'allOf', 'oneOf', 'anyOf']);

/**
 * How a schema name reads on a page. Hoisted names are `~` + the pointer they came from:
 * `~/components/requestBodies/Pet/...` → `Pet`; `~/paths/~1pets/post/requestBody/...` → `POST /pets requestBody`.
 */
export function displayName(name: string): string {
  if (!name.startsWith('~/')) return name;
  const tokens = name.slice(2).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (tokens[0] === 'components' && tokens.length >= 3) return tokens[2];
  if ((tokens[0] === 'paths' || tokens[0] === 'webhooks') && tokens.length >= 3) {
    const rest = tokens.slice(3).filter((t) => /^[A-Za-z_]+$/.test(t) && !STRUCTURE.has(t));
    return [tokens[2].toUpperCase(), tokens[1], ...rest].join(' ');
  }
  return tokens.filter((t) => !STRUCTURE.has(t) && !/^\d+$/.test(t)).at(-1) ?? name;
}

/** `string · date-time`, `array of Message`, `integer | null` → without the null (shown as "nullable"). */
export function typeLabel(schema: JsonSchema): string {
  if (schema.$ref !== undefined) {
    const name = schemaRefName(schema.$ref);
    return name === undefined ? 'object' : displayName(name);
  }
  let types = schemaTypes(schema).filter((t) => t !== 'null');
  if (types.length === 0) {
    if (schema.const !== undefined) return `const ${formatValue(schema.const, 40)}`;
    if (Array.isArray(schema.enum)) types = [...new Set(schema.enum.filter((v) => v !== null).map(jsonType))];
    else if (schema.properties || schema.additionalProperties) types = ['object'];
    else if (schema.items || schema.prefixItems) types = ['array'];
    else if (schema.oneOf || schema.anyOf) return alternativesLabel((schema.oneOf ?? schema.anyOf)!);
    else return schemaTypes(schema).includes('null') ? 'null' : 'any';
  }
  const label = types.map((t) => (t === 'array' ? arrayLabel(schema) : t)).join(' | ');
  const detail = schema.contentEncoding ?? schema.format;
  return detail === undefined || types.length > 1 ? label : `${label} · ${String(detail)}`;
}

/** `integer | string` for a few alternatives, `one of 7` for many. */
function alternativesLabel(list: JsonSchema[]): string {
  const labels = [...new Set(list.map((s) => typeLabel(s)))];
  return labels.length <= 4 ? labels.join(' | ') : `one of ${list.length}`;
}

function arrayLabel(schema: JsonSchema): string {
  if (!schema.items) return 'array';
  const inner = typeLabel(schema.items);
  return inner === 'any' ? 'array' : `array of ${inner}`;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

export function isNullable(schema: JsonSchema): boolean {
  return schemaTypes(schema).includes('null') && schemaTypes(schema).length > 1;
}

/** Validation keywords as short phrases: Range `0 ≤ x ≤ 2`, Length `≤ 5000`, Items `1–10`. */
export function constraintsOf(schema: JsonSchema): Array<{ label: string; value: string }> {
  const out: Array<{ label: string; value: string }> = [];
  const range = rangeText(schema.minimum, schema.exclusiveMinimum, schema.maximum, schema.exclusiveMaximum);
  if (range) out.push({ label: 'Range', value: range });
  if (schema.multipleOf !== undefined) out.push({ label: 'Multiple of', value: String(schema.multipleOf) });
  const length = countText(schema.minLength, schema.maxLength);
  if (length) out.push({ label: 'Length', value: length });
  const items = countText(schema.minItems, schema.maxItems);
  if (items) out.push({ label: 'Items', value: items });
  if (schema.uniqueItems) out.push({ label: 'Items', value: 'unique' });
  const props = countText(schema.minProperties as number | undefined, schema.maxProperties as number | undefined);
  if (props) out.push({ label: 'Properties', value: props });
  if (typeof schema.pattern === 'string') out.push({ label: 'Pattern', value: schema.pattern });
  if (typeof schema.contentMediaType === 'string') out.push({ label: 'Media type', value: schema.contentMediaType });
  return out;
}

function rangeText(min: unknown, exMin: unknown, max: unknown, exMax: unknown): string {
  const low = typeof exMin === 'number' ? `${exMin} <` : typeof min === 'number' ? `${min} ≤` : '';
  const high = typeof exMax === 'number' ? `< ${exMax}` : typeof max === 'number' ? `≤ ${max}` : '';
  if (!low && !high) return '';
  return [low, 'x', high].filter(Boolean).join(' ');
}

/** `1–10`, `≥ 1`, `≤ 36`, `exactly 2`: the label (Length, Items) says what is counted. */
function countText(min: number | undefined, max: number | undefined): string {
  const hasMin = typeof min === 'number' && min > 0;
  const hasMax = typeof max === 'number';
  if (hasMin && hasMax) return min === max ? `exactly ${min}` : `${min}–${max}`;
  if (hasMin) return `≥ ${min}`;
  if (hasMax) return `≤ ${max}`;
  return '';
}

/**
 * A reference page's title in search results, with its API (and version, for an older one):
 * several APIs share titles ("Create a chat completion" in Melious and AI/ML API), and a result
 * that says only the page title leaves the reader to guess which one it is.
 */
export function searchTitle(pageTitle: string, api: { title: string; versions?: { version: string } }): string {
  return `${pageTitle} · ${api.title}${api.versions ? ` ${api.versions.version}` : ''}`;
}
