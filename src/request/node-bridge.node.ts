// The one Node ↔ Fetch bridge, for every Node server that serves a Fetch handler (the sandbox,
// the proxy's Fetch core in tests): node's request becomes a Fetch `Request` whose body is
// pulled from the socket only when read, and a Fetch `Response` is written back chunk by chunk
// with backpressure, SSE headers flushed at once, the body cancelled when the client goes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A web stream over a Node stream that reads nothing until pulled, one chunk per pull.
 * Nothing is buffered beyond the chunk in hand. Cancelling destroys the source, unless
 * `keepOnCancel` (a server's request: destroying it would kill the socket before the answer;
 * the answer closes the connection instead).
 */
export function toWebStream(source: Readable, { keepOnCancel = false } = {}): ReadableStream<Uint8Array> {
  let closed = false;
  source.pause();
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.on('data', (chunk: Uint8Array) => {
          if (closed) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) source.pause();
        });
        source.once('end', () => {
          if (closed) return;
          closed = true;
          controller.close();
        });
        source.once('error', (error) => {
          if (closed) return;
          closed = true;
          controller.error(error);
        });
        // A request whose client went away ends with 'close' and neither of the above.
        source.once('close', () => {
          if (closed) return;
          closed = true;
          controller.error(new Error('the stream closed before its end'));
        });
      },
      pull() {
        source.resume();
      },
      cancel() {
        closed = true;
        if (keepOnCancel) source.pause();
        else source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

export interface FetchRequestOptions {
  /** Origin put before the raw target: `http://sandbox`. */
  origin: string;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

/** node's request as a Fetch `Request`: raw headers kept in order, the body streamed (GET/HEAD have none). */
export function fromNodeRequest(req: IncomingMessage, { origin, signal }: FetchRequestOptions): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const target = req.url ?? '/';
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  if (!hasBody) req.resume();
  return new Request(origin + (target.startsWith('/') ? target : `/${target}`), {
    method,
    headers,
    body: hasBody ? toWebStream(req, { keepOnCancel: true }) : undefined,
    duplex: hasBody ? 'half' : undefined,
    signal,
  } as RequestInit);
}

/** An AbortSignal that fires when the response closes before it finished (the client went away). */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** True when the request announced a body that has not been read to its end. */
export function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete || req.readableEnded) return false;
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Writes a Fetch `Response` to node's response. A request body left unread (a refusal) closes
 * the connection after the answer rather than reading what the client still sends. A body
 * that fails after the status went out cuts the connection, so the client sees it was cut.
 */
export async function writeNodeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length > 1) headers['set-cookie'] = setCookies;
  if (hasUnreadBody(res.req)) headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  if (headers['content-type']?.toString().startsWith('text/event-stream')) res.flushHeaders();
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

/**
 * Serves a Fetch handler on node: a client that goes away aborts the request's signal; a
 * request Fetch cannot represent, or a handler that throws, gets `onError`'s answer.
 */
export function toNodeHandler(handler: (request: Request, req: IncomingMessage) => Promise<Response>, { origin, onError }: { origin: string; onError: (error: unknown, req: IncomingMessage) => Response }): NodeHandler {
  return (req, res) => {
    const answer = (response: Response): Promise<void> => writeNodeResponse(response, res);
    let request: Request;
    try {
      request = fromNodeRequest(req, { origin, signal: clientGoneSignal(res) });
    } catch (error) {
      void answer(onError(error, req));
      return;
    }
    handler(request, req)
      .then(answer, (error: unknown) => {
        if (res.headersSent) res.destroy();
        else return answer(onError(error, req));
      })
      .catch(() => res.destroy());
  };
}
