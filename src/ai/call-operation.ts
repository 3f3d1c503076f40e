// call_operation: tool arguments → a Fetch Request to the try-it proxy route → a tool result.
// The request goes through the proxy handler the server gives us (allow-list, limits, header
// hygiene, redacted logs), never straight to an upstream. The caller's key is copied from the
// MCP request's own headers into this one request and kept nowhere else.
import { createSseParser, createStreamAssembler, SANDBOX_HEADER, toBase64 } from '../request/index.ts';
import { closest } from './closest.ts';
import type { AiData, ApiEntry, OperationEntry } from './types.ts';

export type Scalar = string | number | boolean;

export interface CallArgs {
  api: string;
  operationId: string;
  path?: Record<string, Scalar>;
  query?: Record<string, Scalar | Scalar[]>;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Thrown for anything the caller can fix; its message becomes an `isError` tool result. */
export class ToolInputError extends Error {
  override name = 'ToolInputError';
}

export interface CallDeps {
  /** The proxy core (or its route): answers a request to `<proxyBase>/<api>/<path>`. */
  callOperation: (request: Request) => Promise<Response>;
  /** Where the proxy is mounted: `/api/proxy`. */
  proxyBase: string;
}

export interface CallResult {
  text: string;
  isError: boolean;
  media?: { kind: 'image' | 'audio'; data: string; mimeType: string };
  structured: Record<string, unknown>;
}

const MAX_TEXT = 60_000;
const MAX_MEDIA_BYTES = 4 * 1024 * 1024;

export function findApi(data: Pick<AiData, 'apis'>, id: string): ApiEntry {
  const api = data.apis.find((a) => a.id === id);
  if (!api) throw new ToolInputError(`api: no API "${id}". Known APIs: ${data.apis.map((a) => a.id).join(', ')}.`);
  return api;
}

/** By operationId or slug, in one API; an id of another API says which one. */
export function findOperation(data: Pick<AiData, 'apis' | 'operations'>, apiId: string, id: string): OperationEntry {
  const api = findApi(data, apiId);
  const own = data.operations.filter((o) => o.api === api.id);
  const found = own.find((o) => o.operationId === id || o.slug === id);
  if (found) return found;
  const elsewhere = data.operations.filter((o) => o.api !== api.id && (o.operationId === id || o.slug === id)).map((o) => o.api);
  if (elsewhere.length) {
    throw new ToolInputError(`operationId: "${id}" is not an operation of the ${api.id} API; it belongs to ${elsewhere.map((a) => `"${a}"`).join(' and ')}. Call it with api "${elsewhere[0]}", or pick one of ${api.id}'s operations (list_operations with api "${api.id}").`);
  }
  const near = closest(id, own.map((o) => o.operationId));
  throw new ToolInputError(`operationId: the ${api.id} API has no operation "${id}". Closest: ${near.join(', ')}. list_operations with api "${api.id}" shows them all.`);
}

export function toProxyRequest(data: Pick<AiData, 'apis' | 'operations'>, args: CallArgs, incoming: Headers, proxyBase: string): Request {
  const api = findApi(data, args.api);
  const op = findOperation(data, args.api, args.operationId);
  const declared = (where: string) => op.parameters.filter((p) => p.in === where);

  let path = op.path;
  for (const [name, value] of Object.entries(args.path ?? {})) {
    if (!declared('path').some((p) => p.name === name)) {
      throw new ToolInputError(`path.${name}: ${op.operationId} has no path parameter "${name}"; its path is ${op.path}${declared('path').length ? ` (parameters: ${declared('path').map((p) => p.name).join(', ')})` : ''}.`);
    }
    const text = String(value);
    if (text === '' || text === '.' || text === '..' || /[/\\]/.test(text) || /%2f|%5c|%2e%2e/i.test(text)) {
      throw new ToolInputError(`path.${name}: "${text}" would leave the operation's path ${op.path}. Give one path segment, with no "/", "\\" or "..".`);
    }
    path = path.replace(`{${name}}`, encodeURIComponent(text));
  }
  for (const p of declared('path')) {
    if (path.includes(`{${p.name}}`)) throw new ToolInputError(`path.${p.name} is required: ${op.operationId} is ${op.method} ${op.path}.`);
  }

  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(args.query ?? {})) {
    const param = declared('query').find((p) => p.name === name);
    if (!param) throw new ToolInputError(`query.${name}: ${op.operationId} takes no query parameter "${name}"${declared('query').length ? `; it takes ${declared('query').map((p) => p.name).join(', ')}` : ''}.`);
    for (const v of Array.isArray(value) ? value : [value]) {
      checkEnum(`query.${name}`, param.enum, v);
      query.append(name, String(v));
    }
  }
  for (const p of declared('query')) {
    if (p.required && !query.has(p.name)) throw new ToolInputError(`query.${p.name} is required by ${op.operationId}.`);
  }

  const headers = new Headers();
  for (const [name, value] of Object.entries(args.headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'authorization' || api.keyHeaders.includes(lower)) {
      throw new ToolInputError(`headers.${name}: keys are never taken from tool arguments. Put the key in your MCP client's configuration as a header of this server (${api.keyHeaders.join(' or ') || 'Authorization'}); it is forwarded to the API for each call and not stored.`);
    }
    const param = declared('header').find((p) => p.name.toLowerCase() === lower);
    if (!param) throw new ToolInputError(`headers.${name}: ${op.operationId} declares no header "${name}"${declared('header').length ? `; it declares ${declared('header').map((p) => p.name).join(', ')}` : ''}.`);
    checkEnum(`headers.${name}`, param.enum, value);
    headers.set(name, value);
  }
  for (const p of declared('header')) {
    if (p.required && !headers.has(p.name)) throw new ToolInputError(`headers.${p.name} is required by ${op.operationId}.`);
  }
  for (const name of api.keyHeaders) {
    const value = incoming.get(name);
    if (value) headers.set(name, value);
  }

  let body: BodyInit | undefined;
  if (args.body !== undefined && args.body !== null) {
    if (!op.body) throw new ToolInputError(`body: ${op.operationId} (${op.method} ${op.path}) takes no request body.`);
    const type = op.body.mediaTypes.find((t) => /json/i.test(t)) ?? op.body.mediaTypes[0];
    if (/json/i.test(type)) {
      headers.set('content-type', type);
      body = JSON.stringify(args.body);
      if (typeof args.body === 'object' && (args.body as Record<string, unknown>).stream === true) headers.set('accept', 'text/event-stream');
    } else if (/multipart\/form-data/i.test(type)) {
      if (typeof args.body !== 'object' || Array.isArray(args.body)) throw new ToolInputError(`body: ${op.operationId} takes multipart/form-data; give an object of field names to string values.`);
      const form = new FormData();
      for (const [k, v] of Object.entries(args.body as Record<string, unknown>)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
      body = form;
    } else {
      headers.set('content-type', type);
      body = typeof args.body === 'string' ? args.body : JSON.stringify(args.body);
    }
  } else if (op.body?.required) {
    throw new ToolInputError(`body is required: ${op.operationId} (${op.method} ${op.path}) takes ${op.body.mediaTypes.join(' or ')}. describe_operation shows its fields.`);
  }

  const search = query.toString();
  const url = `http://mcp.local${proxyBase}/${encodeURIComponent(api.id)}${path}${search ? `?${search}` : ''}`;
  return new Request(url, { method: op.method, headers, body });
}

function checkEnum(field: string, allowed: unknown[] | undefined, value: unknown): void {
  if (allowed && !allowed.some((a) => String(a) === String(value))) {
    throw new ToolInputError(`${field}: "${String(value)}" is not allowed; use one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}.`);
  }
}

/** Reads the whole answer (a stream is assembled, its events counted) into a tool result. */
export async function readAnswer(response: Response, op: OperationEntry, sentKey: boolean, keyHeaders: string[]): Promise<CallResult> {
  const type = response.headers.get('content-type') ?? '';
  const sandbox = response.headers.get(SANDBOX_HEADER) === '1';
  const head = `${op.method} ${op.path} → ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${sandbox ? ' (sandbox)' : ''}`;
  const structured: Record<string, unknown> = { status: response.status, contentType: type, sandbox };
  const isError = response.status >= 400;
  const hint = response.status === 401 && !sentKey
    ? `\n\nNo key was sent. Add ${keyHeaders.join(' or ') || 'Authorization'} to the headers of this MCP server in your client's configuration.`
    : '';

  if (type.startsWith('text/event-stream') && response.body) {
    const assembler = createStreamAssembler(() => Date.now());
    const parser = createSseParser((event) => assembler.push(event));
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
    const clean = parser.end();
    const s = assembler.state;
    Object.assign(structured, { events: s.events, format: s.format, text: s.text, finishReason: s.finishReason, done: s.done, error: s.error });
    const lines = [
      `${head}: a stream of ${s.events} events (${s.format} format)${s.done ? ', ended normally' : clean ? ', ended without its end marker' : ', cut off mid-event'}${s.finishReason ? `, finish reason ${s.finishReason}` : ''}.`,
      s.error ? `Error inside the stream: ${s.error}` : '',
      s.reasoning ? `Reasoning:\n${s.reasoning}` : '',
      s.format === 'unknown' ? 'The events carried no text this tool knows how to assemble.' : `Assembled text:\n${s.text}`,
    ];
    return { text: lines.filter(Boolean).join('\n\n'), isError: isError || s.error !== undefined, structured };
  }

  const bytes = new Uint8Array(await response.arrayBuffer());
  structured.bytes = bytes.length;
  if (/^(image|audio)\//.test(type)) {
    const kind = type.startsWith('image/') ? 'image' : 'audio';
    const media = bytes.length <= MAX_MEDIA_BYTES ? { kind, data: toBase64(bytes), mimeType: type.split(';')[0] } as const : undefined;
    return { text: `${head}: ${kind} ${type}, ${bytes.length} bytes${media ? ' (attached)' : ' (too large to attach)'}.`, isError, media, structured };
  }
  const text = new TextDecoder().decode(bytes);
  if (/json/i.test(type)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { text: `${head}: invalid JSON (${bytes.length} bytes):\n${cut(text)}`, isError, structured };
    }
    const proxyCode = proxyErrorCode(value);
    if (proxyCode) structured.proxyError = proxyCode;
    const image = findBase64Image(value);
    const shown = JSON.stringify(value, shortenBase64, 2);
    const lead = proxyCode ? `${head}: the docs proxy refused the request (${proxyCode}).` : `${head}`;
    structured.body = value;
    return {
      text: `${lead}\n\n\`\`\`json\n${cut(shown)}\n\`\`\`${hint}`,
      isError,
      media: image ? { kind: 'image', data: image.data, mimeType: image.mimeType } : undefined,
      structured,
    };
  }
  return { text: `${head}${type ? ` (${type})` : ''}\n\n${cut(text)}${hint}`, isError, structured };
}

function proxyErrorCode(value: unknown): string | undefined {
  const code = (value as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' && code.startsWith('PROXY_') ? code : undefined;
}

/** `b64_json` of an image generation: the first one is attached as an image. */
function findBase64Image(value: unknown): { data: string; mimeType: string } | undefined {
  const data = (value as { data?: Array<{ b64_json?: unknown }> } | null)?.data;
  const b64 = Array.isArray(data) ? data.find((d) => typeof d?.b64_json === 'string')?.b64_json : undefined;
  if (typeof b64 !== 'string' || b64.length > MAX_MEDIA_BYTES * 1.4) return undefined;
  const mimeType = b64.startsWith('/9j/') ? 'image/jpeg' : b64.startsWith('UklGR') ? 'image/webp' : 'image/png';
  return { data: b64, mimeType };
}

function shortenBase64(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'string' && value.length > 200 && /^[A-Za-z0-9+/=\s]+$/.test(value)) return `<${value.length} base64 characters${key === 'b64_json' ? ', attached as an image' : ''}>`;
  return value;
}

function cut(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}\n… (cut at ${MAX_TEXT} characters of ${text.length})`;
}
