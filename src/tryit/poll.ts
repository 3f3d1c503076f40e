// "Poll until done" for async tasks: the create response feeds the status request
// (OpenAI links, see followUpOf in src/request), which is repeated with backoff until
// its status field reaches a final state. Clock, sleep and fetch come in as arguments.
import type { FollowUp, RequestSpec } from '../request/index.ts';
import { getPointer } from '../request/index.ts';

export interface PollStep {
  /** ms since polling started. */
  at: number;
  attempt: number;
  /** HTTP status of the poll. */
  http: number;
  /** The task's status value, or `?` when the response had none. */
  status: string;
}

export type PollOutcome = 'done' | 'failed' | 'error' | 'cancelled' | 'gave-up';

export interface PollResult {
  outcome: PollOutcome;
  steps: PollStep[];
  /** Body of the last status response. */
  body: unknown;
}

export interface PollDeps {
  send: (request: RequestSpec, signal: AbortSignal) => Promise<{ status: number; body: unknown; retryAfterMs?: number }>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  onStep?: (step: PollStep) => void;
}

export interface Backoff {
  firstMs: number;
  factor: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, factor: 1.6, maxMs: 15_000, maxAttempts: 60 };

/** The delay before poll number `attempt` (1-based; the first poll waits too: tasks are rarely done at once). */
export function backoffDelay(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, Math.round(backoff.firstMs * backoff.factor ** (attempt - 1)));
}

/** The status request with the create response's values in place of the placeholders. */
export function toStatusRequest(followUp: FollowUp, created: unknown, base: Pick<RequestSpec, 'baseUrl' | 'auth'>): RequestSpec | undefined {
  const request: RequestSpec = structuredClone({ ...followUp.request, baseUrl: base.baseUrl, auth: base.auth });
  for (const param of followUp.params) {
    const value = getPointer(created, param.pointer);
    if (value === undefined || value === null) return undefined;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (param.in === 'path') request.pathParams[param.name] = text;
    else if (param.in === 'query') request.query.push([param.name, text]);
    else request.headers.push([param.name, text]);
  }
  return request;
}

export async function pollUntilDone(followUp: FollowUp, request: RequestSpec, deps: PollDeps, signal: AbortSignal, backoff = DEFAULT_BACKOFF): Promise<PollResult> {
  const started = deps.now();
  const steps: PollStep[] = [];
  let body: unknown;
  let wait = backoffDelay(backoff, 1);
  for (let attempt = 1; attempt <= backoff.maxAttempts; attempt++) {
    try {
      await deps.sleep(wait, signal);
      const answer = await deps.send(request, signal);
      body = answer.body;
      const value = getPointer(body, followUp.statusPointer);
      const step: PollStep = { at: deps.now() - started, attempt, http: answer.status, status: value === undefined ? '?' : String(value) };
      steps.push(step);
      deps.onStep?.(step);
      if (answer.status >= 400 && answer.status !== 429) return { outcome: 'error', steps, body };
      if (followUp.done.includes(step.status)) return { outcome: 'done', steps, body };
      if (followUp.failed.includes(step.status)) return { outcome: 'failed', steps, body };
      wait = answer.retryAfterMs ?? backoffDelay(backoff, attempt + 1);
    } catch (error) {
      if (signal.aborted) return { outcome: 'cancelled', steps, body };
      throw error;
    }
  }
  return { outcome: 'gave-up', steps, body };
}
