import { describe, expect, it } from 'vitest';
import type { FollowUp, RequestSpec } from '../request/index.ts';
import { backoffDelay, DEFAULT_BACKOFF, pollUntilDone, toStatusRequest } from './poll.ts';
import { getPointer, toDottedPath } from '../request/index.ts';

const request: RequestSpec = {
  api: 'melancholy', operation: 'get-video-task', method: 'GET', baseUrl: 'https://x', path: '/v1/video/generations/{task_id}',
  pathParams: { task_id: '<TASK_ID>' }, query: [], headers: [], stream: false,
  auth: { scheme: 'bearerAuth', in: 'header', name: 'Authorization', prefix: 'Bearer ', key: '<YOUR_API_KEY>' },
};
const followUp: FollowUp = {
  link: 'GetVideoTask', request, params: [{ name: 'task_id', in: 'path', pointer: '/task_id' }],
  statusPointer: '/status', done: ['COMPLETED'], failed: ['FAILED'],
};

function fakeClock() {
  let t = 0;
  const slept: number[] = [];
  return { slept, now: () => t, sleep: async (ms: number) => { slept.push(ms); t += ms; } };
}

describe('toStatusRequest', () => {
  it('fills the path parameter from the create response and keeps the reader key', () => {
    const auth = { ...request.auth!, key: 'sk-1' };
    const status = toStatusRequest(followUp, { task_id: 'abc/1' }, { baseUrl: '/api/proxy/melancholy', auth });
    expect(status).toMatchObject({ baseUrl: '/api/proxy/melancholy', pathParams: { task_id: 'abc/1' }, auth: { key: 'sk-1' } });
    expect(request.pathParams.task_id).toBe('<TASK_ID>');
  });

  it('gives undefined when the create response lacks the value', () => {
    expect(toStatusRequest(followUp, { id: 1 }, request)).toBeUndefined();
  });
});

describe('pollUntilDone', () => {
  it('polls with growing delays until a final status, recording each step', async () => {
    const clock = fakeClock();
    const answers = ['PENDING', 'PROCESSING', 'PROCESSING', 'COMPLETED'];
    const seen: string[] = [];
    const result = await pollUntilDone(followUp, request, {
      ...clock,
      send: async () => ({ status: 200, body: { status: answers.shift(), video_url: 'https://x/v.mp4' } }),
      onStep: (s) => seen.push(s.status),
    }, new AbortController().signal);
    expect(result.outcome).toBe('done');
    expect(seen).toEqual(['PENDING', 'PROCESSING', 'PROCESSING', 'COMPLETED']);
    expect(clock.slept).toEqual([1, 2, 3, 4].map((n) => backoffDelay(DEFAULT_BACKOFF, n)));
    expect(clock.slept[3]).toBeGreaterThan(clock.slept[0]);
    expect(result.steps[3].at).toBe(clock.slept.reduce((a, b) => a + b));
  });

  it('honours Retry-After, stops on a failed state and on an HTTP error', async () => {
    const clock = fakeClock();
    const failed = await pollUntilDone(followUp, request, { ...clock, send: async () => ({ status: 200, body: { status: 'FAILED' }, retryAfterMs: 50 }) }, new AbortController().signal);
    expect(failed.outcome).toBe('failed');
    const error = await pollUntilDone(followUp, request, { ...clock, send: async () => ({ status: 404, body: {} }) }, new AbortController().signal);
    expect(error).toMatchObject({ outcome: 'error', steps: [{ http: 404, status: '?' }] });
    const answers = [{ status: 429, body: {}, retryAfterMs: 50 }, { status: 200, body: { status: 'COMPLETED' } }];
    const slow = fakeClock();
    await pollUntilDone(followUp, request, { ...slow, send: async () => answers.shift()! }, new AbortController().signal);
    expect(slow.slept[1]).toBe(50);
  });

  it('ends as cancelled when aborted, and gives up after maxAttempts', async () => {
    const controller = new AbortController();
    const cancelled = await pollUntilDone(followUp, request, {
      now: () => 0,
      sleep: async (_ms, signal) => { controller.abort(); if (signal.aborted) throw new Error('aborted'); },
      send: async () => ({ status: 200, body: {} }),
    }, controller.signal);
    expect(cancelled.outcome).toBe('cancelled');
    const clock = fakeClock();
    const endless = await pollUntilDone(followUp, request, { ...clock, send: async () => ({ status: 200, body: { status: 'PENDING' } }) }, new AbortController().signal, { ...DEFAULT_BACKOFF, maxAttempts: 3 });
    expect(endless).toMatchObject({ outcome: 'gave-up' });
    expect(endless.steps).toHaveLength(3);
  });
});

describe('pointers', () => {
  it('reads values and writes readable paths', () => {
    expect(getPointer({ a: [{ 'b/c': 1 }] }, '/a/0/b~1c')).toBe(1);
    expect(getPointer({ a: 1 }, '/x/y')).toBeUndefined();
    expect(toDottedPath('/messages/0/role')).toBe('messages[0].role');
    expect(toDottedPath('/usage/total_tokens')).toBe('usage.total_tokens');
  });
});
