// Internal `$ref`s of a bundled document (bundle() leaves no external ones), resolved against
// its root with the pointer of where they were met, for errors that say where.
import { SpecError } from './errors.ts';
import { decodeRefToken } from './schema.ts';

type Json = Record<string, unknown>;

/** Resolves a non-schema `$ref` (parameters, responses, examples, ...), following chains. */
export function resolveRef(root: Json, value: unknown, pointer: string, file: string): Json {
  let current = value as Json;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new SpecError({ file, pointer }, `$ref chain starting at ${String((value as Json).$ref)} never ends.`);
    current = lookup(root, current.$ref as string, file, pointer) as Json;
  }
  return current ?? {};
}

export function lookup(root: Json, ref: string, file: string, from?: string): unknown {
  if (!ref.startsWith('#')) throw new SpecError({ file, pointer: from }, `external $ref "${ref}" is left; load the spec with bundle() first.`);
  let node: unknown = root;
  for (const token of ref.slice(1).split('/').filter(Boolean).map(decodeRefToken)) {
    node = (node as Json | undefined)?.[token];
    if (node === undefined) throw new SpecError({ file, pointer: from }, `$ref "${ref}" points at nothing.`);
  }
  return node;
}
