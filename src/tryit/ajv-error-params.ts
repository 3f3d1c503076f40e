// Params of Ajv's errors that cfworker's output units do not carry and the schema alone does
// not give: which `oneOf` branches passed, which items repeat. Worked out as Ajv's code does.
import type { OutputUnit } from '@cfworker/json-schema';

type Node = Record<string, unknown>;

/** Ajv's `passingSchemas`: null when no branch passed, else the first two that did. */
export function passing(units: readonly OutputUnit[], oneOf: OutputUnit, count: number): unknown {
  const failed = new Set<number>();
  for (const unit of units) {
    if (unit.instanceLocation === oneOf.instanceLocation && unit.keywordLocation.startsWith(`${oneOf.keywordLocation}/`)) failed.add(Number(unit.keywordLocation.slice(oneOf.keywordLocation.length + 1).split('/')[0]));
  }
  let valid = false;
  let found: unknown = null;
  for (let i = 0; i < count; i++) {
    if (failed.has(i)) continue;
    if (i > 0 && valid) {
      valid = false;
      found = [found, i];
    } else {
      valid = true;
      found = i;
    }
  }
  return found;
}

/** Ajv's `{i, j}` for repeated items: it looks from the end, by value for scalar item types. */
export function duplicates(items: unknown[], itemSchema: unknown): { i: number; j: number } | Record<string, never> {
  const raw = (itemSchema as Node | undefined)?.type;
  const types = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [raw as string];
  if (types.length > 0 && !types.some((t) => t === 'object' || t === 'array')) {
    const indices = new Map<string, number>();
    for (let i = items.length; i--;) {
      const item = items[i];
      if (!types.some((t) => isType(item, t))) continue;
      const key = `${typeof item === 'string' && types.length > 1 ? `${item}_` : String(item)}`;
      if (indices.has(key)) return { i, j: indices.get(key)! };
      indices.set(key, i);
    }
    return {};
  }
  for (let i = items.length; i--;) for (let j = i; j--;) if (equal(items[i], items[j])) return { i, j };
  return {};
}

function isType(value: unknown, type: string): boolean {
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (type === 'null') return value === null;
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Node)[k])]));
}
