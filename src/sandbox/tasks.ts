import { isObject, resolveSchema, type ApiModel, type JsonSchema, type Operation } from '../openapi/index.ts';

// Async tasks, read from the spec's links: a create response links to a status operation
// with a parameter taken from its body (`task_id: $response.body#/task_id`). Each create
// hands out a fresh id; each poll of that id moves its `status` one step along the status
// enum (in lifecycle order) until the documented success state, where it stays.

interface CreateRule {
  pointer: string[];
  exampleId?: string;
}

interface PollRule {
  param: string;
  states: string[];
  successIndex: number;
  exampleId?: string;
  /** Properties kept while the task is still running (the rest are results). */
  keep: Set<string>;
}

export interface TaskTracker {
  /** A create response with a new task id in it. */
  created(operation: Operation, body: unknown): unknown;
  /** A status response for the polled id, one state further than the last poll. */
  polled(operation: Operation, params: Record<string, unknown>, body: unknown): unknown;
}

const SUCCESS = /complet|succe|done|finish|ready/i;
const MAX_TASKS = 10_000;

export function createTaskTracker(api: ApiModel, random: () => number): TaskTracker {
  const creates = new Map<string, CreateRule>();
  const polls = new Map<string, PollRule>();
  for (const operation of api.operations) {
    for (const response of operation.responses) {
      if (!/^2/.test(response.status)) continue;
      for (const link of response.links) {
        const target = api.operations.find((op) => op.slug === link.operation);
        const entry = Object.entries(link.parameters).find(([, expr]) => expr.startsWith('$response.body#'));
        if (target === undefined || entry === undefined) continue;
        const pointer = entry[1].slice('$response.body#'.length).split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        const exampleId = at(response.content.find((m) => /json/.test(m.type))?.examples[0]?.value, pointer);
        const id = typeof exampleId === 'string' ? exampleId : undefined;
        creates.set(operation.slug, { pointer, exampleId: id });
        const rule = pollRule(api, target, entry[0], id);
        if (rule !== undefined) polls.set(target.slug, rule);
      }
    }
  }
  const seen = new Map<string, number>();

  return {
    created(operation, body) {
      const rule = creates.get(operation.slug);
      if (rule === undefined || !isObject(body)) return body;
      const id = newId(rule.exampleId, random);
      setAt(body, rule.pointer, id);
      return body;
    },
    polled(operation, params, body) {
      const rule = polls.get(operation.slug);
      const id = params[rule?.param ?? ''];
      if (rule === undefined || typeof id !== 'string' || !isObject(body)) return body;
      const key = `${operation.slug}\u0000${id}`;
      const count = (seen.get(key) ?? 0) + 1;
      if (!seen.has(key) && seen.size >= MAX_TASKS) seen.delete(seen.keys().next().value as string);
      seen.set(key, count);
      const index = Math.min(count - 1, rule.successIndex);
      const out = replaceString(body, rule.exampleId, id) as Record<string, unknown>;
      out.status = rule.states[index];
      if (index < rule.successIndex) for (const name of Object.keys(out)) if (!rule.keep.has(name) && out[name] !== id) delete out[name];
      return out;
    },
  };
}

function pollRule(api: ApiModel, target: Operation, param: string, exampleId: string | undefined): PollRule | undefined {
  const success = target.responses.find((r) => /^2/.test(r.status));
  const media = success?.content.find((m) => /json/.test(m.type));
  if (media?.schema === undefined) return undefined;
  const schema = resolveSchema(api.schemas, media.schema);
  const status = schema.properties?.status ? resolveSchema(api.schemas, schema.properties.status as JsonSchema) : undefined;
  const states = (status?.enum ?? []).filter((v): v is string => typeof v === 'string');
  if (states.length === 0) return undefined;
  const documented = (media.examples[0]?.value as Record<string, unknown> | undefined)?.status;
  let successIndex = typeof documented === 'string' && SUCCESS.test(documented) ? states.indexOf(documented) : -1;
  if (successIndex < 0) successIndex = states.findIndex((s) => SUCCESS.test(s));
  if (successIndex < 0) successIndex = states.length - 1;
  return { param, states, successIndex, exampleId, keep: new Set([...(schema.required ?? []), 'status', 'id']) };
}

function newId(exampleId: string | undefined, random: () => number): string {
  const uuid = 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => (c === 'x' ? Math.floor(random() * 16) : 8 + Math.floor(random() * 4)).toString(16));
  if (exampleId === undefined) return uuid;
  const swapped = exampleId.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, uuid);
  return swapped !== exampleId ? swapped : `${exampleId}-${uuid.slice(0, 8)}`;
}

function at(value: unknown, pointer: string[]): unknown {
  let current = value;
  for (const key of pointer) current = isObject(current) || Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}

function setAt(value: Record<string, unknown>, pointer: string[], id: string): void {
  let current: unknown = value;
  for (let i = 0; i < pointer.length - 1; i++) {
    const next = (current as Record<string, unknown>)[pointer[i]];
    if (!isObject(next) && !Array.isArray(next)) return;
    current = next;
  }
  if (pointer.length > 0) (current as Record<string, unknown>)[pointer[pointer.length - 1]] = id;
}

function replaceString(value: unknown, from: string | undefined, to: string): unknown {
  if (from === undefined) return value;
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((v) => replaceString(v, from, to));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceString(v, from, to)]));
  return value;
}

