// Response links (OpenAPI `links`), resolved to the slug of the operation they point at once
// every operation is read; a link to nothing is an error naming where it stands.
import type { HttpMethod, Link, Operation } from './types.ts';
import { SpecError } from './errors.ts';
import { decodeRefToken, encodePointerToken } from './schema.ts';
import { text } from './spec-text.ts';
import type { Deref } from './operation-parts.ts';

type Json = Record<string, unknown>;

export function toLinks(raw: Json, pointer: string, deref: Deref, operations: readonly Operation[], file: string): Link[] {
  const links: Link[] = [];
  for (const [name, l] of Object.entries(raw)) {
    const link = deref(l, `${pointer}/${encodePointerToken(name)}`);
    const target = findLinkTarget(link, operations);
    if (!target) {
      throw new SpecError({ file, pointer: `${pointer}/${encodePointerToken(name)}` },
        `link "${name}" points at ${String(link.operationId ?? link.operationRef)}, which is not an operation of this spec.`);
    }
    const parameters = Object.fromEntries(Object.entries((link.parameters ?? {}) as Json).map(([k, v]) => [k.replace(/^(path|query|header|cookie)\./, ''), String(v)]));
    links.push({ name, operation: target.slug, parameters, description: text(link.description) });
  }
  return links;
}

function findLinkTarget(link: Json, operations: readonly Operation[]): Operation | undefined {
  if (typeof link.operationId === 'string') return operations.find((o) => o.operationId === link.operationId);
  const ref = String(link.operationRef ?? '');
  const match = /^#\/paths\/([^/]+)\/([a-z]+)$/.exec(ref);
  if (!match) return undefined;
  const path = decodeRefToken(match[1]);
  return operations.find((o) => !o.webhook && o.path === path && o.method === (match[2] as HttpMethod));
}
