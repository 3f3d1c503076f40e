// The proxy's only state: rate-limit buckets and open-request counters, both per client.
// In memory, per instance; a deployment at scale can swap these for its platform's store.

export interface RateLimiter {
  /** 0 when the request may go, else the seconds to wait before the next one will. */
  take(client: string): number;
}

/** A token bucket per client: `perMinute` tokens, refilled continuously. */
export function createRateLimiter(perMinute: number, now: () => number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(client) {
      const t = now();
      let bucket = buckets.get(client);
      if (bucket === undefined) {
        if (buckets.size >= 10_000) prune(buckets, t, perMs, perMinute);
        bucket = { tokens: perMinute, at: t };
        buckets.set(client, bucket);
      } else {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs);
        bucket.at = t;
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}

/** Forgets clients whose bucket has refilled: they would start full anyway. */
function prune(buckets: Map<string, { tokens: number; at: number }>, t: number, perMs: number, max: number): void {
  for (const [client, bucket] of buckets) if (bucket.tokens + (t - bucket.at) * perMs >= max) buckets.delete(client);
}

export interface StreamSlots {
  /** `global` or `client` when a limit is reached, else a release function to call exactly once. */
  acquire(client: string): (() => void) | 'global' | 'client';
  readonly open: number;
}

export function createStreamSlots(max: number, maxPerClient: number): StreamSlots {
  const perClient = new Map<string, number>();
  let open = 0;
  return {
    get open() {
      return open;
    },
    acquire(client) {
      if (open >= max) return 'global';
      const mine = perClient.get(client) ?? 0;
      if (mine >= maxPerClient) return 'client';
      open++;
      perClient.set(client, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        open--;
        const left = (perClient.get(client) ?? 1) - 1;
        if (left === 0) perClient.delete(client);
        else perClient.set(client, left);
      };
    },
  };
}

/**
 * The declared body length: a number, `undefined` when none is declared, or `'invalid'` for
 * anything but one non-negative integer (equal repeats, `5, 5`, are one value).
 */
export function declaredLength(value: string | null | undefined): number | undefined | 'invalid' {
  if (value === null || value === undefined) return undefined;
  const parts = value.split(',');
  const first = parts[0].trim();
  if (!/^\d{1,16}$/.test(first) || parts.some((p) => p.trim() !== first)) return 'invalid';
  return Number(first);
}

/**
 * Passes a request body through as it arrives and errors it once more than `max` bytes went
 * by, so an oversized chunked body is cut without being held. `onTooLarge` runs first.
 */
export function capBody(body: ReadableStream<Uint8Array>, max: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > max) {
          onTooLarge();
          controller.error(new RangeError(`request body over ${max} bytes`));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}
