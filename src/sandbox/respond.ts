import type { ApiModel, Operation } from '../openapi/index.ts';
import { SANDBOX_HEADER } from '../request/index.ts';
import { sampleBytes } from './binary.ts';
import type { ResponseChoice } from './choose-response.ts';
import { exampleValue, generateValue, withRealBase64 } from './response-example.ts';
import { streamEvents, toSseEvents } from './sse.ts';
import type { TaskTracker } from './tasks.ts';

export interface RespondContext {
  api: ApiModel;
  operation: Operation;
  choice: ResponseChoice;
  tasks: TaskTracker;
  /** Path and query values, for task polls. */
  params: Record<string, unknown>;
  eventDelayMs: number;
}

/** The documented answer: example (or generated) body with the documented status and content type. */
export function respond({ api, operation, choice, tasks, params, eventDelayMs }: RespondContext): Response {
  const headers: Record<string, string> = { [SANDBOX_HEADER]: '1', 'cache-control': 'no-store' };
  const { media, status } = choice;
  if (media === undefined || status === 204 || status === 304) return new Response(null, { status, headers });
  headers['content-type'] = media.type;
  const generated = () => (media.schema ? generateValue(api.schemas, media.schema) : {});

  if (choice.stream) {
    headers['cache-control'] = 'no-cache';
    const events = toSseEvents(exampleValue(api.schemas, { ...media, schema: undefined }, choice.example), generated);
    return new Response(streamEvents(events, eventDelayMs), { status, headers });
  }
  const type = media.type.toLowerCase();
  if (/[/+]json$/.test(type)) {
    let value = withRealBase64(api.schemas, media.schema, exampleValue(api.schemas, media, choice.example));
    if (/^2/.test(String(status))) value = tasks.polled(operation, params, tasks.created(operation, value));
    return new Response(JSON.stringify(value ?? null), { status, headers });
  }
  const bytes = sampleBytes(type);
  if (bytes !== undefined) return new Response(bytes, { status, headers });
  const example = exampleValue(api.schemas, media, choice.example);
  const text = typeof example === 'string' ? example : example === undefined ? '' : JSON.stringify(example);
  return new Response(text, { status, headers });
}
