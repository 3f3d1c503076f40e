// The main-thread side of the response check: one worker shared by every console of a page.
import type { ResponseCheck } from './check-response.ts';

export interface CheckRequest {
  id: number;
  /** The API's response schemas (response-schemas.json), absolute. */
  url: string;
  operation: string;
  status: number;
  contentType: string;
  values: readonly unknown[];
}

export type CheckReply = { id: number; check: ResponseCheck } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (check: ResponseCheck | undefined) => void>();

/** The answer checked against the operation's documented schema, in one worker shared by every console of the page. */
export function checkInWorker(request: Omit<CheckRequest, 'id'>): Promise<ResponseCheck | undefined> {
  worker ??= startWorker();
  const id = nextId++;
  const message: CheckRequest = { ...request, id, url: new URL(request.url, location.href).href };
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage(message);
  });
}

function startWorker(): Worker {
  const started = new Worker(new URL('./response-check.worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = ({ data }: MessageEvent<CheckReply>) => {
    // A check that could not run (schemas not served, worker failed) shows no verdict rather than a wrong one.
    if ('error' in data) console.warn(`Try it: the response check did not run: ${data.error}`);
    pending.get(data.id)?.('check' in data ? data.check : undefined);
    pending.delete(data.id);
  };
  started.onerror = (event) => {
    console.warn(`Try it: the response check did not run: ${event.message}`);
    for (const resolve of pending.values()) resolve(undefined);
    pending.clear();
    worker = undefined;
  };
  return started;
}
