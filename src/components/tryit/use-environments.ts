import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RequestSpec } from '../../request/index.ts';
import {
  applyEnvironment, captureValues, createEnvironmentStore, createKeyStore, fieldText, NO_ENVIRONMENT, removeEnvironment, upsertEnvironment,
  type Environment, type EnvironmentState, type TryItProps,
} from '../../tryit/index.ts';

/** The API's environments: the active one's values applied to the form on load and on every switch. */
export function useEnvironments(props: TryItProps, spec: RequestSpec, setSpec: (update: (spec: RequestSpec) => RequestSpec) => void) {
  const store = useMemo(() => createEnvironmentStore(props.api, globalThis.localStorage), [props.api]);
  const [state, setState] = useState<EnvironmentState>(NO_ENVIRONMENT);
  const servers = useMemo(() => props.servers.map((s) => s.url), [props.servers]);
  // "None": the page's own values back.
  const pageOwn = useMemo<Environment>(() => ({ name: '', server: props.initial.baseUrl, values: captureValues(props.fields, (f) => fieldText(props.initial, f)) }), [props.initial, props.fields]);

  const apply = useCallback((next: EnvironmentState) => {
    const env = next.list.find((e) => e.name === next.active) ?? pageOwn;
    setSpec((current) => applyEnvironment(current, props.fields, env, servers));
  }, [pageOwn, props.fields, servers, setSpec]);

  useEffect(() => {
    const saved = store.read();
    setState(saved);
    if (saved.active) apply(saved);
  }, [store, apply]);

  const commit = (next: EnvironmentState) => {
    setState(next);
    store.write(next);
  };

  return {
    state,
    switchTo(name: string) {
      const next = { ...state, active: name };
      commit(next);
      apply(next);
    },
    /** The form's server and parameter values into the named environment; a new one starts with the current key. */
    save(name: string, key: string, remember: boolean) {
      const existing = state.list.find((e) => e.name === name);
      if (!existing && key) createKeyStore(props.api, globalThis.sessionStorage, globalThis.localStorage, `env:${name}`).write(key, remember);
      const values = { ...existing?.values, ...captureValues(props.fields, (f) => fieldText(spec, f)) };
      commit(upsertEnvironment(state, { name, server: spec.baseUrl, values }));
    },
    remove(name: string) {
      createKeyStore(props.api, globalThis.sessionStorage, globalThis.localStorage, `env:${name}`).forget();
      const next = removeEnvironment(state, name);
      commit(next);
      apply(next);
    },
  };
}
