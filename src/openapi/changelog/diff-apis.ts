// The changelog between two versions of one API, computed from their models: added, removed
// and changed operations, parameters, request and response fields, enum values, status codes
// and content types, each marked breaking or not by the rules in rules.ts.
import type { ApiModel, JsonSchema, MediaType, Operation, Parameter, Response } from '../types.ts';
import type { Change, ChangeRule, OperationChanges, VersionDiff } from './types.ts';
import { CHANGE_RULES } from './rules.ts';
import { flattenSchema, type Field } from './flatten-schema.ts';
import { matchOperations } from './match-operations.ts';

type Schemas = Record<string, JsonSchema>;
type Side = 'input' | 'output';

export function diffApis(older: ApiModel, newer: ApiModel, labels: { from: string; to: string }): VersionDiff {
  const pairs = matchOperations(older.operations, newer.operations);
  const oldMatched = new Set(pairs.map(([o]) => o));
  const newMatched = new Set(pairs.map(([, n]) => n));
  const removed = older.operations.filter((o) => !oldMatched.has(o)).map((o) => whole(o, 'removed', 'operation-removed'));
  const added = newer.operations.filter((o) => !newMatched.has(o)).map((o) => whole(o, 'added', 'operation-added'));
  const changed: OperationChanges[] = [];
  for (const [o, n] of pairs) {
    const changes = diffOperation(older.schemas, newer.schemas, o, n);
    if (changes.length > 0) changed.push({ kind: 'changed', slug: n.slug, method: n.method, path: n.path, summary: n.summary, breaking: changes.some((c) => c.breaking), changes });
  }
  const operations = [...removed, ...changed, ...added];
  return { from: labels.from, to: labels.to, operations, breakingCount: operations.reduce((sum, op) => sum + op.changes.filter((c) => c.breaking).length, 0) };
}

function whole(op: Operation, kind: 'added' | 'removed', rule: ChangeRule): OperationChanges {
  const change = make(kind, 'operation', rule, `${op.method.toUpperCase()} ${op.path}`);
  return { kind, slug: op.slug, method: op.method, path: op.path, summary: op.summary, breaking: change.breaking, changes: [change] };
}

function make(kind: Change['kind'], where: string, rule: ChangeRule, detail?: string): Change {
  return { kind, where, rule, breaking: CHANGE_RULES[rule].breaking, ...(detail === undefined ? {} : { detail }) };
}

export function diffOperation(oldSchemas: Schemas, newSchemas: Schemas, o: Operation, n: Operation): Change[] {
  const changes: Change[] = [];
  if (!o.deprecated && n.deprecated) changes.push(make('changed', 'operation', 'operation-deprecated', 'now deprecated'));
  changes.push(...diffParameters(oldSchemas, newSchemas, o.parameters, n.parameters));
  changes.push(...diffRequestBody(oldSchemas, newSchemas, o, n));
  changes.push(...diffResponses(oldSchemas, newSchemas, o.responses, n.responses));
  return changes;
}

function diffParameters(oldSchemas: Schemas, newSchemas: Schemas, older: Parameter[], newer: Parameter[]): Change[] {
  const changes: Change[] = [];
  const key = (p: Parameter) => `${p.in}:${p.name}`;
  const before = new Map(older.map((p) => [key(p), p]));
  const after = new Map(newer.map((p) => [key(p), p]));
  for (const [k, p] of before) if (!after.has(k)) changes.push(make('removed', `${p.in} parameter ${p.name}`, 'parameter-removed'));
  for (const [k, p] of after) {
    const where = `${p.in} parameter ${p.name}`;
    const was = before.get(k);
    if (was === undefined) {
      changes.push(make('added', where, p.required ? 'parameter-added-required' : 'parameter-added-optional'));
      continue;
    }
    if (!was.required && p.required) changes.push(make('changed', where, 'parameter-now-required', 'now required'));
    if (was.required && !p.required) changes.push(make('changed', where, 'parameter-now-optional', 'now optional'));
    const oldField = flattenSchema(oldSchemas, was.schema, 'input').get('');
    const newField = flattenSchema(newSchemas, p.schema, 'input').get('');
    if (oldField && newField) changes.push(...diffValue(where, oldField, newField, 'input'));
  }
  return changes;
}

function diffRequestBody(oldSchemas: Schemas, newSchemas: Schemas, o: Operation, n: Operation): Change[] {
  const before = o.requestBody;
  const after = n.requestBody;
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [make('added', 'request body', after!.required ? 'request-body-added-required' : 'request-body-added-optional')];
  if (after === undefined) return [make('removed', 'request body', 'request-body-removed')];
  const changes: Change[] = [];
  if (!before.required && after.required) changes.push(make('changed', 'request body', 'request-body-now-required', 'now required'));
  if (before.required && !after.required) changes.push(make('changed', 'request body', 'request-body-now-optional', 'now optional'));
  changes.push(...diffContent(oldSchemas, newSchemas, before.content, after.content, 'request', 'input'));
  return changes;
}

function diffResponses(oldSchemas: Schemas, newSchemas: Schemas, older: Response[], newer: Response[]): Change[] {
  const changes: Change[] = [];
  const after = new Map(newer.map((r) => [r.status, r]));
  const before = new Map(older.map((r) => [r.status, r]));
  for (const [status] of before) {
    if (!after.has(status)) changes.push(make('removed', `status ${status}`, /^2/.test(status) ? 'success-status-removed' : 'error-status-removed'));
  }
  for (const [status, r] of after) {
    const was = before.get(status);
    if (was === undefined) changes.push(make('added', `status ${status}`, 'status-added'));
    else changes.push(...diffContent(oldSchemas, newSchemas, was.content, r.content, `${status} response`, 'output'));
  }
  return changes;
}

function diffContent(oldSchemas: Schemas, newSchemas: Schemas, older: MediaType[], newer: MediaType[], label: string, side: Side): Change[] {
  const changes: Change[] = [];
  const after = new Map(newer.map((m) => [m.type, m]));
  const before = new Map(older.map((m) => [m.type, m]));
  for (const [type] of before) if (!after.has(type)) changes.push(make('removed', `${label} content type ${type}`, side === 'input' ? 'request-media-removed' : 'response-media-removed'));
  for (const [type] of after) if (!before.has(type)) changes.push(make('added', `${label} content type ${type}`, side === 'input' ? 'request-media-added' : 'response-media-added'));
  // One schema stands for the body: the first content type both versions have, JSON first.
  const shared = [...after.keys()].filter((t) => before.has(t)).sort((a, b) => Number(!/json/i.test(a)) - Number(!/json/i.test(b)))[0];
  if (shared !== undefined) {
    changes.push(...diffFields(flattenSchema(oldSchemas, before.get(shared)!.schema, side), flattenSchema(newSchemas, after.get(shared)!.schema, side), label, side));
  }
  return changes;
}

function diffFields(before: Map<string, Field>, after: Map<string, Field>, label: string, side: Side): Change[] {
  const changes: Change[] = [];
  const where = (path: string) => (path === '' ? `${label} body` : `${label} field ${path}`);
  // Only the topmost of a removed or added subtree is news.
  const under = (path: string, set: Set<string>) => [...set].some((p) => p !== path && (path.startsWith(`${p}.`) || path.startsWith(`${p}[]`)));
  const gone = new Set([...before.keys()].filter((p) => !after.has(p)));
  const fresh = new Set([...after.keys()].filter((p) => !before.has(p)));
  for (const path of gone) {
    if (!under(path, gone)) changes.push(make('removed', where(path), side === 'input' ? 'request-field-removed' : 'response-field-removed'));
  }
  for (const [path, field] of after) {
    const was = before.get(path);
    if (was === undefined) {
      if (!under(path, fresh)) {
        changes.push(make('added', where(path), side === 'input' ? (field.required ? 'request-field-added-required' : 'request-field-added-optional') : 'response-field-added'));
      }
      continue;
    }
    if (path !== '' && was.required !== field.required) {
      const rule: ChangeRule = side === 'input' ? (field.required ? 'request-field-now-required' : 'request-field-now-optional') : (field.required ? 'response-field-now-required' : 'response-field-now-optional');
      changes.push(make('changed', where(path), rule, field.required ? 'now required' : 'now optional'));
    }
    changes.push(...diffValue(where(path), was, field, side));
  }
  return changes;
}

/** Types and enum values of one parameter or field. */
function diffValue(where: string, was: Field, now: Field, side: Side): Change[] {
  const changes: Change[] = [];
  if (!sameTypes(was.types, now.types)) {
    // Inputs may accept more; outputs may promise less.
    const fine = side === 'input' ? covers(now.types, was.types) : covers(was.types, now.types);
    const rule: ChangeRule = side === 'input' ? (fine ? 'input-type-widened' : 'input-type-changed') : (fine ? 'output-type-narrowed' : 'output-type-changed');
    changes.push(make('changed', where, rule, `type ${typeLabel(was.types)} → ${typeLabel(now.types)}`));
  }
  if (was.enum && now.enum) {
    const key = (v: unknown) => JSON.stringify(v);
    const old = new Set(was.enum.map(key));
    const cur = new Set(now.enum.map(key));
    for (const v of now.enum) if (!old.has(key(v))) changes.push(make('added', where, side === 'input' ? 'input-enum-added' : 'output-enum-added', `value ${key(v)}`));
    for (const v of was.enum) if (!cur.has(key(v))) changes.push(make('removed', where, side === 'input' ? 'input-enum-removed' : 'output-enum-removed', `value ${key(v)}`));
  } else if (was.enum && !now.enum && side === 'output') {
    changes.push(make('changed', where, 'output-type-changed', 'no longer limited to listed values'));
  } else if (!was.enum && now.enum && side === 'input') {
    changes.push(make('changed', where, 'input-type-changed', `now limited to ${now.enum.map((v) => JSON.stringify(v)).join(', ')}`));
  }
  return changes;
}

function sameTypes(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/** Every value of `narrow` is also a value of `wide` (no types: anything). */
function covers(wide: string[], narrow: string[]): boolean {
  if (wide.length === 0) return true;
  if (narrow.length === 0) return false;
  return narrow.every((t) => wide.includes(t) || (t === 'integer' && wide.includes('number')));
}

function typeLabel(types: string[]): string {
  return types.length === 0 ? 'any' : types.join(' or ');
}
