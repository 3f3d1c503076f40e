// Fetches a snippet's JSON once per page, however many widgets show it.
import { PAYLOAD_VERSION, type EmbedPayload } from './payload.ts';

/** A problem with one snippet: shown inside its widget, never thrown past it. */
export class EmbedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbedError';
  }
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `open_ai.chat_completion` → `open-ai.chat-completion` (seed 004 did the same); anything else that is not `group.name` is refused. */
export function toSnippetId(raw: string | undefined): string {
  const id = (raw ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (!NAME.test(id)) throw new EmbedError(`"${raw ?? ''}" is not a snippet name; names look like group.name, e.g. open-ai.chat-completion.`);
  return id;
}

const cache = new Map<string, Promise<EmbedPayload>>();
const done = new Map<string, EmbedPayload>();

/** A payload already fetched, for widgets that can then show at once. */
export const loaded = (id: string) => done.get(id);

export function loadPayload(base: URL, id: string): Promise<EmbedPayload> {
  let pending = cache.get(id);
  if (!pending) {
    pending = fetchPayload(base, id);
    cache.set(id, pending);
    // A failed load may succeed later (a flaky network); only successes stay cached.
    pending.then((payload) => done.set(id, payload), () => cache.delete(id));
  }
  return pending;
}

async function fetchPayload(base: URL, id: string): Promise<EmbedPayload> {
  const [group, name] = id.split('.');
  let response: Response;
  try {
    response = await fetch(new URL(`s/${group}/${name}.json`, base), { credentials: 'omit' });
  } catch {
    throw new EmbedError(`snippet "${id}" could not be loaded (network error).`);
  }
  if (response.status === 404) throw new EmbedError(`unknown snippet "${id}".`);
  if (!response.ok) throw new EmbedError(`snippet "${id}" could not be loaded (HTTP ${response.status}).`);
  const payload = (await response.json().catch(() => undefined)) as EmbedPayload | undefined;
  if (payload?.v !== PAYLOAD_VERSION || !Array.isArray(payload.variants)) {
    throw new EmbedError(`snippet "${id}" was built for another version of snippets.js; reload the page.`);
  }
  return payload;
}
