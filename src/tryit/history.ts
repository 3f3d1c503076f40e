// The last requests a reader sent to one API, kept only in this browser (localStorage), to look
// back at and reopen into the form. Entries never hold a key or a token: the request's auth is
// dropped, and so are header and query values whose names say they carry a secret.
import type { RequestSpec } from '../request/index.ts';
import type { KeyStorage } from './key-store.ts';

export const HISTORY_LIMIT = 50;
/** Bodies bigger than this are not kept (the entry says so); files are kept by name only. */
export const HISTORY_BODY_LIMIT = 32 * 1024;

const SECRET_NAME = /authorization|cookie|key|token|secret|passw|credential|session|signature/i;

export interface HistoryEntry {
  id: string;
  /** Epoch ms when it was sent. */
  at: number;
  operation: string;
  method: string;
  path: string;
  /** Undefined when no answer came (network error, cancelled). */
  status?: number;
  ms: number;
  bytes: number;
  /** The request as sent, without credentials. */
  request: RequestSpec;
  /** The body was too big to keep. */
  bodyDropped?: boolean;
}

export interface HistoryStore {
  list(): HistoryEntry[];
  /** Newest first; the oldest beyond the limit fall off. */
  add(entry: HistoryEntry): HistoryEntry[];
  clear(): void;
}

export function createHistory(api: string, storage: KeyStorage | undefined, limit = HISTORY_LIMIT): HistoryStore {
  const name = `tryit:history:${api}`;
  const read = (): HistoryEntry[] => {
    try {
      const raw = storage?.getItem(name);
      const list = raw ? (JSON.parse(raw) as unknown) : [];
      return Array.isArray(list) ? (list as HistoryEntry[]).filter((e) => typeof e?.id === 'string' && typeof e.request === 'object') : [];
    } catch {
      return [];
    }
  };
  return {
    list: read,
    add(entry) {
      const list = [entry, ...read().filter((e) => e.id !== entry.id)].slice(0, limit);
      try {
        storage?.setItem(name, JSON.stringify(list));
      } catch {
        // Quota: keep half and try once more; the history is a convenience, never an error.
        try {
          storage?.setItem(name, JSON.stringify(list.slice(0, Math.ceil(list.length / 2))));
        } catch { /* give up quietly */ }
      }
      return list;
    },
    clear() {
      try {
        storage?.removeItem(name);
      } catch { /* nothing to clear */ }
    },
  };
}

/** The request as history keeps it: no auth, no secret-looking headers or query values, no file bytes. */
export function toHistoryRequest(spec: RequestSpec): { request: RequestSpec; bodyDropped: boolean } {
  const { auth: _auth, ...rest } = spec;
  const request: RequestSpec = {
    ...rest,
    headers: spec.headers.filter(([n]) => !SECRET_NAME.test(n)),
    query: spec.query.filter(([n]) => !SECRET_NAME.test(n)),
  };
  if (spec.auth?.in === 'query') request.query = request.query.filter(([n]) => n !== spec.auth?.name);
  let bodyDropped = false;
  if (request.body?.kind === 'multipart') {
    request.body = { ...request.body, parts: request.body.parts.map((p) => ('filename' in p ? { name: p.name, filename: p.filename, contentType: p.contentType } : p)) };
  }
  if (request.body && JSON.stringify(request.body).length > HISTORY_BODY_LIMIT) {
    delete request.body;
    bodyDropped = true;
  }
  return { request, bodyDropped };
}

/** The entry reopened into a console: its values over the page's request, the page's own auth kept. */
export function reopen(entry: HistoryEntry, current: RequestSpec): RequestSpec {
  return {
    ...entry.request,
    ...(current.auth ? { auth: current.auth } : {}),
    ...(entry.bodyDropped && current.body ? { body: current.body } : {}),
  };
}
