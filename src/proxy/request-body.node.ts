// How the Node handler takes a request body once the request is admitted: small declared
// bodies collected, chunked ones capped while they stream. A refused request's body is never
// touched.
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';

/**
 * A body declared this small (a JSON request, a form) is collected once admitted and sent with
 * the headers in one write: undici's streamed-body path costs ~1–2 ms before the first byte
 * reaches the upstream, which is most of an SSE's time to first event. Larger and chunked
 * bodies are piped as they arrive. Refused requests are never read at all.
 */
export const COLLECT_UP_TO = 64 * 1024;

/** Collects a small declared body; `undefined` when the client left before it was complete. */
export function collect(req: IncomingMessage, length: number, done: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let called = false;
  const finish = (body: Buffer | undefined): void => {
    if (called) return;
    called = true;
    done(body);
  };
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => finish(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length)));
  req.once('close', () => finish(undefined));
  req.once('error', () => finish(undefined));
}

/** Passes a chunked request body through and fails it past `max` bytes (after `onTooLarge`). */
export function capped(max: number, onTooLarge: () => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) {
        onTooLarge();
        callback(new RangeError(`request body over ${max} bytes`));
        return;
      }
      callback(null, chunk);
    },
  });
}
