// What both proxies build once from the config (clock, request ids, allow list, gate) and what
// each request starts with (its id, start time and log). The Fetch core (`create-proxy.ts`) and
// the node:http handler (`node-handler.node.ts`) then drive the same stages, each its own way.
import { createAllowList } from './allow-list.ts';
import { createGate, type Gate } from './gate.ts';
import { SECRET_HEADERS } from './redact.ts';
import { createRequestLog, type RequestLog } from './request-log.ts';
import type { RequestHead } from './request-head.ts';
import type { ProxyConfig, ProxyDeps } from './types.ts';

export interface ProxyStages {
  now: () => number;
  gate: Gate;
  /** A request's start: its id, its start time, and its log (which reads the secrets to scrub from the head). */
  start(head: RequestHead): { requestId: string; started: number; log: RequestLog };
}

export function createProxyStages(config: ProxyConfig, deps: Pick<ProxyDeps, 'now' | 'randomId' | 'log'>): ProxyStages {
  const now = deps.now ?? (() => performance.now());
  const randomId = deps.randomId ?? (() => crypto.randomUUID());
  const list = createAllowList(config, SECRET_HEADERS);
  const gate = createGate(config, list, now);
  const names = { headers: list.secretHeaders, query: list.secretQuery };
  return {
    now,
    gate,
    start(head) {
      const started = now();
      const requestId = randomId();
      return { requestId, started, log: createRequestLog(head, requestId, names, started, now, deps.log) };
    },
  };
}
