import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../request/index.ts';
import type { KeyStorage } from './key-store.ts';
import { createHistory, reopen, toHistoryRequest, type HistoryEntry } from './history.ts';

function memory(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const sent: RequestSpec = {
  api: 't', operation: 'create', method: 'POST', baseUrl: '/api/proxy/t', path: '/things',
  pathParams: {}, query: [['api_key', 'sk-query-secret'], ['q', 'x']], headers: [['X-Trace', '1'], ['X-Session-Token', 'tok-secret']],
  auth: { scheme: 'oauth', in: 'header', name: 'Authorization', prefix: 'Bearer ', key: 'access-token-secret' },
  body: { kind: 'json', mediaType: 'application/json', value: { name: 'n' } }, stream: false,
};

const entry = (i: number, request = toHistoryRequest(sent).request): HistoryEntry => ({ id: `e${i}`, at: i, operation: 'create', method: 'POST', path: '/things', status: 201, ms: 12, bytes: 30, request });

describe('history', () => {
  it('never keeps a key or a token', () => {
    const { request } = toHistoryRequest(sent);
    const text = JSON.stringify(request);
    for (const secret of ['access-token-secret', 'sk-query-secret', 'tok-secret']) expect(text).not.toContain(secret);
    expect(request.query).toEqual([['q', 'x']]);
    expect(request.headers).toEqual([['X-Trace', '1']]);
    expect(request.body).toEqual(sent.body);
  });

  it('keeps the last 50 per API, newest first, and clears them all', () => {
    const storage = memory();
    const history = createHistory('t', storage);
    for (let i = 0; i < 55; i++) history.add(entry(i));
    const list = createHistory('t', storage).list();
    expect(list.length).toBe(50);
    expect([list[0].id, list[49].id]).toEqual(['e54', 'e5']);
    expect(createHistory('other', storage).list()).toEqual([]);
    history.clear();
    expect(history.list()).toEqual([]);
  });

  it('reopens an entry with the page’s own auth, dropping big bodies and file bytes', () => {
    const current = { ...sent, auth: { ...sent.auth!, key: 'now' }, body: { kind: 'json' as const, mediaType: 'application/json', value: { name: 'current' } } };
    expect(reopen(entry(1), current)).toMatchObject({ auth: { key: 'now' }, body: { value: { name: 'n' } }, query: [['q', 'x']] });
    const big = toHistoryRequest({ ...sent, body: { kind: 'text', mediaType: 'text/plain', text: 'x'.repeat(40_000) } });
    expect(big.bodyDropped).toBe(true);
    expect(reopen({ ...entry(2, big.request), bodyDropped: true }, current).body).toEqual(current.body);
    const file = toHistoryRequest({ ...sent, body: { kind: 'multipart', mediaType: 'multipart/form-data', parts: [{ name: 'f', filename: 'a.png', contentType: 'image/png', data: 'AAAA' }] } });
    expect(file.request.body).toEqual({ kind: 'multipart', mediaType: 'multipart/form-data', parts: [{ name: 'f', filename: 'a.png', contentType: 'image/png' }] });
  });
});
