import type { Server } from './types.ts';
import { text } from './spec-text.ts';

type Json = Record<string, unknown>;

/** A `servers` list with its variables filled by their defaults; undefined when none is given (the caller inherits). */
export function toServers(raw: unknown): Server[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  return raw.map((s: Json) => {
    let url = String(s.url ?? '/');
    for (const [name, v] of Object.entries((s.variables ?? {}) as Json)) {
      url = url.replaceAll(`{${name}}`, String((v as Json).default ?? ''));
    }
    return { url, description: text(s.description) };
  });
}
