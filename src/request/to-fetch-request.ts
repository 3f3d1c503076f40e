import type { RequestSpec } from './types.ts';
import { toUrl } from './to-url.ts';
import { fromBase64 } from './base64.ts';

/** Every header the request sends, auth and content type included, in order. */
export function toHeaderPairs(spec: RequestSpec): Array<[string, string]> {
  const pairs: Array<[string, string]> = [...spec.headers];
  if (spec.auth?.in === 'header') pairs.push([spec.auth.name, spec.auth.prefix + spec.auth.key]);
  // A multipart boundary is chosen by whoever encodes the body, so its type is left to it.
  if (spec.body && spec.body.kind !== 'multipart' && !pairs.some(([n]) => n.toLowerCase() === 'content-type')) {
    pairs.push(['Content-Type', spec.body.mediaType]);
  }
  if (spec.stream && !pairs.some(([n]) => n.toLowerCase() === 'accept')) pairs.push(['Accept', 'text/event-stream']);
  return pairs;
}

/** A Fetch `Request` for the spec (the try-it console sends it through the proxy). */
export function toFetchRequest(spec: RequestSpec, init: { signal?: AbortSignal } = {}): Request {
  const headers = new Headers();
  for (const [name, value] of toHeaderPairs(spec)) headers.append(name, value);
  return new Request(toUrl(spec), { method: spec.method, headers, body: toFetchBody(spec), signal: init.signal });
}

function toFetchBody(spec: RequestSpec): BodyInit | undefined {
  const body = spec.body;
  if (!body || spec.method === 'GET' || spec.method === 'HEAD') return undefined;
  if (body.kind === 'json') return JSON.stringify(body.value);
  if (body.kind === 'text') return body.text;
  const form = new FormData();
  for (const part of body.parts) {
    if ('value' in part) form.append(part.name, part.value);
    else form.append(part.name, new Blob([fromBase64(part.data ?? '')], { type: part.contentType }), part.filename);
  }
  return form;
}
