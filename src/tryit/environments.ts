// Environments: named sets of values a reader switches between on every page of one API (a
// server, path/query/header values such as an organisation id). Values are matched to a
// page's fields by parameter name, so one environment serves every operation. Their keys live
// in the key store (slot `env:<name>`), never here: this store is plain settings.
import type { RequestSpec } from '../request/index.ts';
import type { FormField } from './form-fields.ts';
import type { KeyStorage } from './key-store.ts';
import { setField } from './spec-edit.ts';

export interface Environment {
  name: string;
  /** Base URL; one of the page's server choices, or unset to keep the page's own. */
  server?: string;
  /** Parameter name → value, applied to path, query and header fields of that name. */
  values: Record<string, string>;
}

export interface EnvironmentState {
  /** Name of the active environment; '' for none (the page's own values). */
  active: string;
  list: Environment[];
}

export const NO_ENVIRONMENT: EnvironmentState = { active: '', list: [] };

export interface EnvironmentStore {
  read(): EnvironmentState;
  write(state: EnvironmentState): void;
}

export function createEnvironmentStore(api: string, storage: KeyStorage | undefined): EnvironmentStore {
  const name = `tryit:env:${api}`;
  return {
    read() {
      try {
        const raw = storage?.getItem(name);
        if (!raw) return NO_ENVIRONMENT;
        const state = JSON.parse(raw) as EnvironmentState;
        if (!Array.isArray(state.list)) return NO_ENVIRONMENT;
        const list = state.list.filter((e) => typeof e?.name === 'string' && e.name !== '' && typeof e.values === 'object' && e.values !== null);
        return { active: list.some((e) => e.name === state.active) ? state.active : '', list };
      } catch {
        return NO_ENVIRONMENT;
      }
    },
    write(state) {
      try {
        storage?.setItem(name, JSON.stringify(state));
      } catch {
        // Storage full or disabled: the environment lasts as long as the page.
      }
    },
  };
}

const ENV_LOCATIONS = new Set(['path', 'query', 'header']);

/** The request with the environment's server and values in; fields it does not name keep theirs. */
export function applyEnvironment(spec: RequestSpec, fields: readonly FormField[], env: Environment | undefined, servers: readonly string[]): RequestSpec {
  if (!env) return spec;
  let next = env.server && servers.includes(env.server) ? { ...spec, baseUrl: env.server } : spec;
  for (const field of fields) {
    if (!ENV_LOCATIONS.has(field.in)) continue;
    const value = env.values[field.name];
    if (value !== undefined) next = setField(next, field, value);
  }
  return next;
}

/** The page's current path, query and header values as an environment's values (only filled ones). */
export function captureValues(fields: readonly FormField[], text: (field: FormField) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    if (!ENV_LOCATIONS.has(field.in)) continue;
    const value = text(field);
    if (value !== '') values[field.name] = value;
  }
  return values;
}

/** Adds or replaces the environment of that name and makes it active. */
export function upsertEnvironment(state: EnvironmentState, env: Environment): EnvironmentState {
  const list = state.list.some((e) => e.name === env.name) ? state.list.map((e) => (e.name === env.name ? env : e)) : [...state.list, env];
  return { active: env.name, list };
}

export function removeEnvironment(state: EnvironmentState, name: string): EnvironmentState {
  return { active: state.active === name ? '' : state.active, list: state.list.filter((e) => e.name !== name) };
}
