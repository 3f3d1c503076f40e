// The proxy's `fetch` on Node: undici's `request` (a fraction of the global fetch's CPU per
// call) on a keep-alive pool, returning a Fetch `Response` whose body streams the socket's
// chunks as they come. DNS answers pointing at private addresses are refused unless the host
// is allowed (a configured sandbox), so a public name cannot be rebound onto the LAN.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Agent, request } from 'undici';
import { isPrivateHost } from './private-host.ts';
import type { FetchLike } from './types.ts';

export interface NodeFetchOptions {
  /** Time to open a TCP/TLS connection. */
  connectTimeoutMs?: number;
  /** Host names allowed to resolve to private addresses. */
  allowPrivateHosts?: Iterable<string>;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function createNodeFetch(options: NodeFetchOptions = {}): FetchLike & { close(): Promise<void> } {
  const allowed = new Set([...(options.allowPrivateHosts ?? [])].map((h) => h.toLowerCase()));
  const dispatcher = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000, lookup: guardedLookup(allowed) },
    // The proxy core owns the waiting-for-headers and between-chunks timeouts.
    headersTimeout: 0,
    bodyTimeout: 0,
    keepAliveTimeout: 30_000,
  });
  const fetchLike = async (url: string, init: Parameters<FetchLike>[1]): Promise<Response> => {
    const headers: Record<string, string> = {};
    init.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const res = await request(url, { method: init.method as 'GET', headers, body: init.body, signal: init.signal, dispatcher });
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

/** A web stream over a Node stream, one chunk per socket read, paused while the reader lags. */
function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  let closed = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        body.on('data', (chunk: Uint8Array) => {
          if (closed) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) body.pause();
        });
        body.once('end', () => {
          if (closed) return;
          closed = true;
          controller.close();
        });
        body.once('error', (error) => {
          if (closed) return;
          closed = true;
          controller.error(error);
        });
      },
      pull() {
        body.resume();
      },
      cancel() {
        closed = true;
        body.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowed: ReadonlySet<string>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      if (!allowed.has(hostname.toLowerCase()) && list.some((a) => isPrivateHost(a.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address; the proxy refuses it`);
        refused.code = 'EPRIVATEADDRESS';
        return callback(refused, '');
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
