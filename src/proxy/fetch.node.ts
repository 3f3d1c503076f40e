// A `fetch` for the proxy's Fetch core on Node (the `astro dev` endpoint): undici's `request`
// (a fraction of the global fetch's CPU per call) on the guarded keep-alive pool, returning a
// Fetch `Response` whose body streams the socket's chunks as they come. `npm start` does not
// use it: its Node handler talks to undici directly.
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { request } from 'undici';
import { toWebStream } from '../request/index.node.ts';
import type { FetchLike } from './types.ts';
import { createUpstreamAgent, type UpstreamAgentOptions } from './upstream-agent.node.ts';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createNodeFetch(options: UpstreamAgentOptions = {}): FetchLike & { close(): Promise<void> } {
  const dispatcher = createUpstreamAgent(options);
  const fetchLike = async (url: string, init: Parameters<FetchLike>[1]): Promise<Response> => {
    const headers: Record<string, string> = {};
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = init.body === undefined ? undefined : Readable.fromWeb(init.body as import('node:stream/web').ReadableStream<Uint8Array>);
    const res = await request(url, { method: init.method as 'GET', headers, body, signal: init.signal, dispatcher });
    const out = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) out.append(name, v);
      else if (value !== undefined) out.append(name, value);
    }
    if (NULL_BODY.has(res.statusCode) || init.method === 'HEAD') {
      res.body.destroy();
      return new Response(null, { status: res.statusCode, headers: out });
    }
    return new Response(toWebStream(decode(res.body, out.get('content-encoding'))), { status: res.statusCode, headers: out });
  };
  return Object.assign(fetchLike, { close: () => dispatcher.close() });
}

/** Fetch semantics: a compressed body comes out decoded (the core then drops the encoding headers). */
function decode(body: Readable, encoding: string | null): Readable {
  const coding = encoding?.trim().toLowerCase();
  const decoder = coding === 'gzip' || coding === 'x-gzip' ? createGunzip() : coding === 'br' ? createBrotliDecompress() : coding === 'deflate' ? createInflate() : undefined;
  if (decoder === undefined) return body;
  body.on('error', (error) => decoder.destroy(error));
  decoder.on('close', () => body.destroy());
  return body.pipe(decoder);
}
