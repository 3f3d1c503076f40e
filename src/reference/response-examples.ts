// The response example column of an operation page: one tab per documented status and media
// type, each with its example highlighted (written by the author, else built from the schema).
// Event streams are split into their events so a reader sees them one by one.
import type { Operation } from '../openapi/index.ts';
import { exampleFromSchema } from '../request/index.ts';
import { escapeHtml } from './format.ts';
import { exampleToHtml, highlightJson } from './example-html.ts';
import { statusClass } from './operation-outline.ts';
import type { Schemas } from './schema-view.ts';

export interface StreamEvent {
  /** `event:` name, when the stream names its events. */
  event?: string;
  /** The `data:` payload, highlighted (JSON when it parses, text otherwise). */
  html: string;
}

export interface ShownExample {
  /** The example's name or summary when the media type has several. */
  label?: string;
  /** Built from the schema, not written by the author. */
  generated: boolean;
  /** Highlighted example; empty for a stream, which is shown as `events`. */
  html: string;
  events?: StreamEvent[];
  /** Lines (or events) left out of a long example. */
  omitted: number;
}

export interface ResponseExample {
  /** Unique on the page: `200-application-json`. */
  key: string;
  status: string;
  statusClass: string;
  mediaType: string;
  /** `200` alone when the status has one media type, else `200 · event-stream`. */
  label: string;
  /** First sentence of the response's description, plain text. */
  summary: string;
  /** The first open, the others folded; empty when `note` says why there is none. */
  examples: ShownExample[];
  note?: string;
}

const MAX_EVENTS = 40;
const MAX_EXAMPLES = 4;

export function responseExamples(op: Operation, schemas: Schemas): ResponseExample[] {
  const out: ResponseExample[] = [];
  for (const response of op.responses) {
    const summary = (response.description.split(/\n\s*\n|(?<=\.)\s/)[0] ?? '').replace(/[`*_]/g, '').trim();
    const media = response.content.length > 0 ? response.content : [undefined];
    for (const m of media) {
      const type = m?.type ?? '';
      const key = `${response.status}-${type}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '');
      const label = response.content.length > 1 ? `${response.status} · ${shortType(type)}` : response.status;
      const base = { key, status: response.status, statusClass: statusClass(response.status), mediaType: type, label, summary, examples: [] };
      if (!m) {
        out.push({ ...base, note: 'No body.' });
        continue;
      }
      let examples = m.examples.slice(0, MAX_EXAMPLES).map((e) => ({ ...e, generated: false }));
      if (examples.length === 0 && m.schema && /json/.test(type)) {
        const value = exampleFromSchema(schemas, m.schema);
        if (value !== undefined) examples = [{ name: 'default', value, generated: true }];
      }
      if (examples.length === 0) {
        out.push({ ...base, note: /^(image|audio|video)\/|octet-stream|pdf|zip/.test(type) ? `Binary body (${type}).` : 'No example given.' });
        continue;
      }
      out.push({
        ...base,
        examples: examples.map((e) => ({
          ...(m.examples.length > 1 ? { label: e.summary ?? e.name } : {}),
          generated: e.generated,
          ...show(e.value, type),
        })),
      });
    }
  }
  return out;
}

function show(value: unknown, type: string): Pick<ShownExample, 'html' | 'events' | 'omitted'> {
  if (typeof value === 'string' && type === 'text/event-stream') {
    const events = splitEventStream(value);
    return { html: '', events: events.slice(0, MAX_EVENTS), omitted: Math.max(0, events.length - MAX_EVENTS) };
  }
  return exampleToHtml(value);
}

/** A Server-Sent Events text as its events: `event:` names kept, `data:` lines joined. */
export function splitEventStream(text: string): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\n+/)) {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const m = /^(event|data):\s?(.*)$/.exec(line);
      if (m?.[1] === 'event') event = m[2];
      else if (m?.[1] === 'data') data.push(m[2]);
    }
    if (data.length === 0 && event === undefined) continue;
    const payload = data.join('\n');
    events.push({ ...(event !== undefined ? { event } : {}), html: dataHtml(payload) });
  }
  return events;
}

/** One line per event, as sent: the list stays short enough to read as a stream. */
function dataHtml(payload: string): string {
  try {
    JSON.parse(payload);
    return highlightJson(payload);
  } catch {
    return escapeHtml(payload);
  }
}

function shortType(type: string): string {
  return type.replace(/^application\//, '');
}
