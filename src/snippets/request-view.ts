import type { FollowUp, JsonValue, RequestSpec, ResponseShape } from '../request/index.ts';
import { isObject } from '../openapi/index.ts';
import { toHeaderPairs, toPath, toUrl } from '../request/index.ts';
import { checkRequest } from './check-request.ts';
import { identifierFor, isPythonKeywordArgument } from './identifiers.ts';
import { sdkCallOf, type SdkCall } from './sdk.ts';

export interface NameValue {
  name: string;
  value: string;
}

/** A value the poll request takes from the create response, named for each language. */
export interface PollVariable {
  name: string;
  in: 'path' | 'query' | 'header';
  tokens: string[];
  pyName: string;
  jsName: string;
  shName: string;
  /** jq filter that reads it (URL-encoded for path segments). */
  jq: string;
  /** The name percent-encoded, for curl's `--data-urlencode name=`, which sends the name as it is. */
  urlName: string;
}

/** The template context of a generated snippet: everything precomputed, templates only lay it out. */
export interface RequestView {
  method: string;
  /** curl needs `-X`: the method is not the one its options imply (GET, or POST with a body). */
  curlMethod: boolean;
  /** The URL has `[]{}`, which curl would read as its own globbing syntax. */
  curlGlobOff: boolean;
  url: string;
  /** URL without the query string (Python `params=`, JavaScript `URLSearchParams`). */
  baseUrl: string;
  query: NameValue[];
  headers: NameValue[];
  /** Headers as an object literal's data (a repeated name keeps its last value). */
  headerObject: Record<string, string>;
  /** The query as an object when no name repeats, for `params={...}`. */
  queryObject?: Record<string, string>;
  hasQuery: boolean;
  hasHeaders: boolean;
  json?: JsonValue;
  /** Top-level fields of a JSON object body (SDK keyword arguments); empty otherwise. */
  jsonArgs: Array<{ name: string; value: JsonValue }>;
  /** Python SDK call: the fields that can be keyword arguments (identifiers, no keyword, no SDK option)... */
  pyKwargs: Array<{ name: string; value: JsonValue }>;
  /** ...and the others, sent through the SDK's `extra_body`. */
  pyExtraBody?: Record<string, JsonValue>;
  text?: string;
  fields: NameValue[];
  files: Array<{ name: string; filename: string; contentType: string }>;
  multipart: boolean;
  stream: boolean;
  response: ResponseShape;
  /** Where a binary response is saved. */
  saveAs: string;
  openai?: SdkCall;
  anthropic?: SdkCall;
  apiKey: string;
  /** The auth header for SDKs that take a key: `apiKey` for x-api-key, `authToken` for bearer. */
  authHeader?: string;
  poll?: PollView;
}

export interface PollView {
  /** URL pieces: literal text, or a variable from the create response. */
  urlParts: Array<{ text?: string; variable?: PollVariable }>;
  /** Fixed query pairs; `urlName` is the name percent-encoded (curl `--data-urlencode`). */
  query: Array<NameValue & { urlName: string }>;
  queryVariables: PollVariable[];
  hasQuery: boolean;
  headers: NameValue[];
  headerObject: Record<string, string>;
  variables: PollVariable[];
  hasPathVariables: boolean;
  milliseconds: number;
  statusTokens: string[];
  done: string[];
  failed: string[];
  seconds: number;
}

export function toRequestView(spec: RequestSpec, response: ResponseShape, followUp?: FollowUp, pollSeconds = 5): RequestView {
  checkRequest(spec, followUp);
  if (!Number.isFinite(pollSeconds) || pollSeconds < 0) throw new Error(`pollSeconds must be a number of seconds, got ${JSON.stringify(pollSeconds)}.`);
  const body = spec.body;
  const json = body?.kind === 'json' ? body.value : undefined;
  const jsonArgs = isObject<JsonValue>(json) ? Object.entries(json).map(([name, value]) => ({ name, value })) : [];
  const query = spec.query.map(([name, value]) => ({ name, value }));
  const headers = toHeaderPairs(spec).map(([name, value]) => ({ name, value }));
  const authQuery = spec.auth?.in === 'query' ? [{ name: spec.auth.name, value: spec.auth.prefix + spec.auth.key }] : [];
  const hasBody = Boolean(body) && spec.method !== 'GET';
  const url = toUrl(spec);
  return {
    method: spec.method,
    curlMethod: spec.method !== (hasBody ? 'POST' : 'GET'),
    url,
    curlGlobOff: /[[\]{}]/.test(url),
    baseUrl: spec.baseUrl + toPath(spec),
    query: [...query, ...authQuery],
    headers,
    headerObject: Object.fromEntries(headers.map((h) => [h.name, h.value])),
    queryObject: unique([...query, ...authQuery]),
    hasQuery: query.length + authQuery.length > 0,
    hasHeaders: headers.length > 0,
    json,
    jsonArgs,
    ...pythonArguments(body?.kind === 'multipart' ? body.parts.flatMap((p) => ('value' in p ? [{ name: p.name, value: p.value }] : [])) : jsonArgs),
    text: body?.kind === 'text' ? body.text : undefined,
    fields: body?.kind === 'multipart' ? body.parts.flatMap((p) => ('value' in p ? [{ name: p.name, value: p.value }] : [])) : [],
    files: body?.kind === 'multipart' ? body.parts.flatMap((p) => ('filename' in p ? [{ name: p.name, filename: p.filename, contentType: p.contentType }] : [])) : [],
    multipart: body?.kind === 'multipart',
    stream: spec.stream,
    response,
    saveAs: response.filename ?? 'output.bin',
    // The OpenAI SDKs send the key as a bearer token and nothing else; their Python client takes
    // files only as keyword arguments and a JSON body only as an object.
    openai: (spec.auth && spec.auth.prefix !== 'Bearer ') || !sdkBodyFits(spec) ? undefined : sdkCallOf(spec, 'openai'),
    anthropic: sdkCallOf(spec, 'anthropic'),
    apiKey: spec.auth?.key ?? '',
    authHeader: spec.auth?.name.toLowerCase() === 'x-api-key' ? 'apiKey' : 'authToken',
    poll: followUp && toPollView(followUp, pollSeconds),
  };
}

/** Names the Python SDKs take as their own options: a body field of that name goes in `extra_body`. */
const SDK_OPTIONS = new Set(['extra_headers', 'extra_query', 'extra_body', 'timeout']);

const isKwarg = (name: string) => isPythonKeywordArgument(name) && !SDK_OPTIONS.has(name);

function pythonArguments(args: Array<{ name: string; value: JsonValue }>): Pick<RequestView, 'pyKwargs' | 'pyExtraBody'> {
  const once = (name: string) => args.filter((a) => a.name === name).length === 1;
  const kwarg = (name: string) => isKwarg(name) && once(name);
  const extra = args.filter((a) => !kwarg(a.name));
  // A repeated multipart name keeps its values as a list.
  const extraBody: Record<string, JsonValue> = {};
  for (const a of extra) extraBody[a.name] = a.name in extraBody ? ([] as JsonValue[]).concat(extraBody[a.name], a.value) : a.value;
  return { pyKwargs: args.filter((a) => kwarg(a.name)), pyExtraBody: extra.length ? extraBody : undefined };
}

function sdkBodyFits(spec: RequestSpec): boolean {
  const body = spec.body;
  if (body?.kind === 'json') return typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value);
  if (body?.kind === 'multipart') return body.parts.every((p) => !('filename' in p) || (isKwarg(p.name) && body.parts.filter((q) => q.name === p.name).length === 1));
  return body === undefined;
}

function toPollView(followUp: FollowUp, seconds: number): PollView {
  const used = { python: new Set<string>(), javascript: new Set<string>(), shell: new Set<string>() };
  const variables = followUp.params.map((p) => {
    const tokens = p.pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    return {
      name: p.name,
      in: p.in,
      tokens,
      jq: jqFilter(tokens) + (p.in === 'path' ? ' | @uri' : ''),
      urlName: encodeQueryName(p.name),
      pyName: identifierFor(p.name, 'python', used.python),
      jsName: identifierFor(p.name, 'javascript', used.javascript),
      shName: identifierFor(p.name, 'shell', used.shell),
    };
  });
  const request = followUp.request;
  const urlParts: PollView['urlParts'] = [];
  let rest = request.baseUrl + request.path;
  for (const match of request.path.matchAll(/\{([^}]+)\}/g)) {
    const at = rest.indexOf(match[0]);
    const variable = variables.find((v) => v.in === 'path' && v.name === match[1]);
    const text = rest.slice(0, at) + (variable ? '' : encodeURIComponent(request.pathParams[match[1]] ?? ''));
    urlParts.push({ text });
    if (variable) urlParts.push({ variable });
    rest = rest.slice(at + match[0].length);
  }
  if (rest) urlParts.push({ text: rest });
  const merged = urlParts.reduce<PollView['urlParts']>((out, part) => {
    const last = out[out.length - 1];
    if (part.text !== undefined && last?.text !== undefined) last.text += part.text;
    else if (part.text !== '') out.push({ ...part });
    return out;
  }, []);
  const pollQuery = [...request.query, ...(request.auth?.in === 'query' ? [[request.auth.name, request.auth.prefix + request.auth.key]] : [])];
  return {
    urlParts: merged,
    hasQuery: pollQuery.length > 0 || variables.some((v) => v.in === 'query'),
    query: pollQuery.map(([name, value]) => ({ name, value, urlName: encodeQueryName(name) })),
    queryVariables: variables.filter((v) => v.in === 'query'),
    headers: toHeaderPairs(request).map(([name, value]) => ({ name, value })),
    headerObject: Object.fromEntries(toHeaderPairs(request)),
    variables,
    hasPathVariables: variables.some((v) => v.in === 'path'),
    milliseconds: Math.round(seconds * 1000),
    statusTokens: followUp.statusPointer.split('/').slice(1),
    done: followUp.done,
    failed: followUp.failed,
    seconds,
  };
}

function jqFilter(tokens: string[]): string {
  const filter = tokens.map((t) => (/^(0|[1-9]\d*)$/.test(t) ? `[${t}]` : /^[A-Za-z_]\w*$/.test(t) ? `.${t}` : `[${JSON.stringify(t)}]`)).join('');
  return filter.startsWith('.') ? filter : `.${filter}`;
}

function unique(pairs: NameValue[]): Record<string, string> | undefined {
  const names = new Set(pairs.map((p) => p.name));
  return names.size === pairs.length ? Object.fromEntries(pairs.map((p) => [p.name, p.value])) : undefined;
}

function encodeQueryName(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
