import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RequestSpec } from '../../request/index.ts';
import { createHistory, reopen, toHistoryRequest, type HistoryEntry, type TryItProps } from '../../tryit/index.ts';
import type { RunState } from './use-runner.ts';

const HASH = /^#history=(.+)$/;

/** Records each finished request (without credentials) and reopens one into the form. */
export function useHistory(props: TryItProps, run: RunState | undefined, spec: RequestSpec, load: (spec: RequestSpec) => void) {
  const store = useMemo(() => createHistory(props.api, globalThis.localStorage), [props.api]);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const sent = useRef<RequestSpec>(undefined);
  const recorded = useRef<number>(undefined);
  const base = props.validators.replace(/\/tryit\/.*$/, '');

  const open = useCallback((entry: HistoryEntry) => load(reopen(entry, spec)), [load, spec]);

  useEffect(() => {
    const list = store.list();
    setEntries(list);
    // Opened from another page's history: `#history=<id>`.
    const id = HASH.exec(location.hash)?.[1];
    const entry = id ? list.find((e) => e.id === decodeURIComponent(id) && e.operation === props.operation) : undefined;
    if (entry) {
      load(reopen(entry, props.initial));
      history.replaceState(null, '', location.pathname + location.search);
    }
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === `tryit:history:${props.api}`) setEntries(store.list());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
    // Once per console: `load` and `initial` matter for the first paint only.
  }, [store]);

  useEffect(() => {
    if (run?.phase !== 'done' || !sent.current || recorded.current === run.startedAt) return;
    recorded.current = run.startedAt;
    const { request, bodyDropped } = toHistoryRequest(sent.current);
    setEntries(store.add({
      id: crypto.randomUUID(), at: Date.now(), operation: props.operation, method: request.method, path: request.path,
      ...(run.head ? { status: run.head.status } : {}), ms: run.totalMs ?? 0, bytes: run.bytes, request, ...(bodyDropped ? { bodyDropped } : {}),
    }));
  }, [run, store, props.operation]);

  return {
    entries,
    open,
    /** The request about to go out (credentials are stripped before it is stored). */
    sending(request: RequestSpec) {
      sent.current = request;
    },
    clear() {
      store.clear();
      setEntries([]);
    },
    pageOf: (operation: string) => `${base}/reference/${props.api}/${operation}/`,
  };
}
