/** `createChatCompletion` → `create-chat-completion`; `repos/get-content` → `repos-get-content`. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Slug for an operation without an operationId: `get /docs('{key}')` → `get-docs-key`; `get /` → `get-root`. */
export function operationSlug(method: string, path: string, operationId?: string): string {
  const fromId = operationId ? toSlug(operationId) : '';
  if (fromId) return fromId;
  return `${method}-${toSlug(path) || 'root'}`;
}

/**
 * Route names that sit beside operation pages (`/reference/<api>/schemas/` lists the schemas,
 * `/reference/<api>/changelog/` is a versioned API's changelog, `/reference/<api>/tags/<tag>/` a big
 * API's group pages):
 * an operation whose slug would be one of them is numbered like a repeat (`schemas-2`), so
 * both pages exist.
 */
export const RESERVED_OPERATION_SLUGS: readonly string[] = ['schemas', 'changelog', 'tags'];

/** Hands out unique slugs: a repeat (or a reserved name) gets `-2`, `-3`, ... in the order it is asked. */
export function createSlugRegistry(reserved: readonly string[] = []): (slug: string) => string {
  const used = new Set<string>(reserved);
  return (slug) => {
    let candidate = slug;
    for (let n = 2; used.has(candidate); n++) candidate = `${slug}-${n}`;
    used.add(candidate);
    return candidate;
  };
}

/** URL slug of every named schema, unique within the API: `ChatCompletion` → `chat-completion`. */
export function schemaSlugs(names: readonly string[]): Record<string, string> {
  const next = createSlugRegistry();
  const slugs: Record<string, string> = {};
  for (const name of names) {
    // Hoisted schemas are named `~` + a JSON pointer: slug its decoded tokens.
    const readable = name.startsWith('~/') ? name.slice(2).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')).join(' ') : name;
    slugs[name] = next(toSlug(readable) || 'schema');
  }
  return slugs;
}
