// One log entry per request, filled in as the request goes, emitted exactly once. The
// secrets it scrubs are read from the request itself (every credential header any API
// uses, key-like query parameters) before any check, so a refused request — rate-limited,
// unknown API, bad path — is logged as safely as a forwarded one.
import { redactSearch, scrub, secretsOf } from './redact.ts';
import type { RequestHead } from './request-head.ts';
import type { ProxyLogEntry } from './types.ts';

export interface SecretNames {
  headers: readonly string[];
  query: readonly string[];
}

export interface RequestLog {
  entry: ProxyLogEntry;
  /** The request's secrets, computed on first use. */
  secrets(): string[];
  /** Scrubs text that echoes the request (a path in an error message). */
  scrub(text: string): string;
  /** Sets the status and timing and hands the scrubbed entry to the log, once. */
  emit(status: number, fields?: Partial<ProxyLogEntry>): void;
}

export function createRequestLog(
  head: RequestHead,
  requestId: string,
  names: SecretNames,
  started: number,
  now: () => number,
  log: ((entry: ProxyLogEntry) => void) | undefined,
): RequestLog {
  const entry: ProxyLogEntry = { requestId, api: '', method: head.method, path: '', status: 0, totalMs: 0 };
  let secrets: string[] | undefined;
  let search = '';
  const q = head.target.indexOf('?');
  if (q >= 0) search = head.target.slice(q);
  const secretsOnce = (): string[] => (secrets ??= secretsOf(head.headers, names.headers, search, names.query));
  let emitted = false;
  return {
    entry,
    secrets: secretsOnce,
    scrub: (text) => scrub(text, secretsOnce()),
    emit(status, fields) {
      if (emitted) return;
      emitted = true;
      if (log === undefined) return;
      Object.assign(entry, fields);
      entry.status = status;
      entry.totalMs = now() - started;
      const safe = secretsOnce();
      log({ ...entry, api: scrub(entry.api, safe), path: scrub(entry.path, safe) });
    },
  };
}

/** The path and query for the log: key-like query values masked (the rest is scrubbed at emit). */
export function loggedPath(path: string, search: string, queryNames: readonly string[]): string {
  return path + redactSearch(search, queryNames);
}
