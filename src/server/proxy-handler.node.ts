// The proxy route as a plain node:http handler, placed in front of Astro so a proxied request
// skips Astro's endpoint pipeline (and its origin check). Adapts node's req/res to the Fetch
// core and back: the raw request target goes along for the traversal checks, the response
// body is written chunk by chunk, and a client that goes away aborts the upstream request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProxyHandler } from '../proxy/index.ts';

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Dispatches before Astro sees anything: the proxy mount and absolute-form targets
 * (`GET http://host/ HTTP/1.1`, which the proxy refuses) go to the proxy, the rest to the site.
 */
export function createFrontHandler({ mount, proxy, site }: { mount: string; proxy: NodeHandler; site: NodeHandler }): NodeHandler {
  const prefix = mount.replace(/\/+$/, '') + '/';
  return (req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith(prefix) || !url.startsWith('/')) proxy(req, res);
    else site(req, res);
  };
}

export interface NodeProxyOptions {
  /** Body bytes read before the core refuses it: one past its limit is enough to know. */
  maxBodyBytes: number;
}

export function createNodeProxyHandler(proxy: ProxyHandler, { maxBodyBytes }: NodeProxyOptions): NodeHandler {
  return (req, res) => {
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const headers = new Headers();
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
    const rawPath = req.url ?? '/';
    if (FORBIDDEN_METHODS.has(req.method ?? '')) {
      // Fetch cannot even represent these; the core would refuse them the same way.
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'PROXY_FORBIDDEN_METHOD', message: `${req.method} requests are never proxied.`, details: {} } }));
      return;
    }
    const start = (body: Uint8Array<ArrayBuffer> | undefined): void => {
      let request: Request;
      try {
        request = new Request(`http://proxy${rawPath.startsWith('/') ? '' : '/'}${rawPath}`, { method: req.method, headers, body, signal: controller.signal });
      } catch (error) {
        fail(res, error, 400);
        return;
      }
      proxy(request, { clientId: req.socket.remoteAddress ?? 'unknown', rawPath })
        .then((response) => writeResponse(response, res))
        .catch((error: unknown) => fail(res, error, 500));
    };
    if (req.method === 'GET' || req.method === 'HEAD') {
      req.resume();
      start(undefined);
    } else {
      readCapped(req, maxBodyBytes + 1, start);
    }
  };
}

/** Collects up to `cap` bytes, then stops reading (the core sees an oversized body and refuses it). */
function readCapped(req: IncomingMessage, cap: number, done: (body: Uint8Array<ArrayBuffer> | undefined) => void): void {
  const chunks: Buffer[] = [];
  let total = 0;
  let called = false;
  const finish = (): void => {
    if (called) return;
    called = true;
    done(total === 0 ? undefined : (Buffer.concat(chunks, Math.min(total, cap)) as Uint8Array<ArrayBuffer>));
  };
  req.on('data', (chunk: Buffer) => {
    if (called) return;
    chunks.push(chunk);
    total += chunk.length;
    if (total >= cap) {
      req.pause();
      finish();
    }
  });
  req.once('end', finish);
  req.once('error', finish);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  if (headers['content-type']?.startsWith('text/event-stream')) res.flushHeaders();
  const reader = response.body.getReader();
  const cancel = (): void => {
    reader.cancel().catch(() => {});
  };
  res.once('close', cancel);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The upstream failed or went idle mid-body: the status is sent, so cut the connection.
    res.destroy();
  } finally {
    res.off('close', cancel);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** A request node accepted but Fetch cannot represent (400), or a bug in the proxy (500). */
function fail(res: ServerResponse, error: unknown, status: 400 | 500): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const code = status === 400 ? 'PROXY_BAD_REQUEST' : 'PROXY_INTERNAL';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code, message: `The proxy could not handle this request (${(error as Error).name}).`, details: {} } }));
}
