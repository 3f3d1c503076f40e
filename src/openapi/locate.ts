import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { HTTP_METHODS } from './types.ts';
import { decodePointerToken, encodePointerToken, refToPointer } from './schema.ts';

type Json = Record<string, unknown>;

/**
 * The validator reports places as a code frame over `JSON.stringify(doc, null, 2)`.
 * Replays that layout to turn the frame's line number back into a JSON pointer.
 */
export function pointerAtJsonLine(doc: unknown, line: number): string | undefined {
  let current = 1;
  let found: string | undefined;
  const visit = (value: unknown, pointer: string): void => {
    if (found !== undefined) return;
    if (current === line) found = pointer;
    if (typeof value !== 'object' || value === null) return;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    for (const [key, child] of entries) {
      current++;
      visit(child, `${pointer}/${encodePointerToken(key)}`);
      if (found !== undefined) return;
    }
    current++; // closing bracket
  };
  visit(doc, '');
  return found;
}

/**
 * A pointer into the dereferenced document (`/paths/~1a/get/.../schema/properties/x`) → the
 * place the author wrote it, following each internal `$ref` on the way
 * (`/components/schemas/Thing/properties/x`).
 */
export function toSourcePointer(root: unknown, pointer: string): string {
  let node: unknown = root;
  let at = '';
  for (const token of pointer.split('/').slice(1).map(decodePointerToken)) {
    for (let hops = 0; hops < 32 && isRef(node); hops++) {
      at = refToPointer((node as { $ref: string }).$ref);
      node = resolvePointer(root, at);
    }
    node = typeof node === 'object' && node !== null ? (node as Json)[token] : undefined;
    at += `/${encodePointerToken(token)}`;
  }
  return at;
}

/**
 * The parser's own rules name places as unencoded paths in backticks:
 * "`/paths/users/{id}/get` is missing path parameter(s) for `{id}`."
 * Finds the operation (and response) meant, using the real path keys of the document.
 */
export function pointerInMessage(doc: Json, message: string): string | undefined {
  const paths = (doc.paths ?? {}) as Json;
  const id = /`(\/paths\/[^`]+)`/.exec(message)?.[1];
  if (id !== undefined) {
    const path = Object.keys(paths).filter((p) => id.startsWith(`/paths${p}/`)).sort((a, b) => b.length - a.length)[0];
    if (path === undefined) return '/paths';
    const [method, section, code] = id.slice(`/paths${path}/`.length).split('/');
    let pointer = `/paths/${encodePointerToken(path)}`;
    if ((HTTP_METHODS as readonly string[]).includes(method)) pointer += `/${method}`;
    if (section === 'responses' && code !== undefined) pointer += `/responses/${encodePointerToken(code)}`;
    return pointer;
  }
  const unfollowed = /Couldn't find property .* of #?(\/\S+)/.exec(message)?.[1];
  if (unfollowed !== undefined) return unfollowed.split('//')[0];
  const component = /`\/components\/([^/`]+)\/([^`]+)`/.exec(message);
  if (component) return `/components/${component[1]}/${encodePointerToken(component[2])}`;
  const operationId = /operationId `([^`]+)` is duplicated/.exec(message)?.[1];
  if (operationId !== undefined) return lastOperationWithId(paths, operationId);
  if (/`paths` object must begin with a leading slash/.test(message)) {
    const bad = Object.keys(paths).find((p) => !p.startsWith('/'));
    return bad === undefined ? '/paths' : `/paths/${encodePointerToken(bad)}`;
  }
  return undefined;
}

function lastOperationWithId(paths: Json, operationId: string): string | undefined {
  let found: string | undefined;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      if (((item as Json | null)?.[method] as Json | undefined)?.operationId === operationId) {
        found = `/paths/${encodePointerToken(path)}/${method}`;
      }
    }
  }
  return found;
}

/** The first internal `$ref` whose target does not exist, with where it is written. */
export function findBrokenRef(root: unknown): { pointer: string; ref: string } | undefined {
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && ref.startsWith('#') && resolvePointer(root, refToPointer(ref)) === undefined) {
      return { pointer: `${pointer}/$ref`, ref };
    }
    const entries = Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i][1], `${pointer}/${encodePointerToken(entries[i][0])}`]);
  }
  return undefined;
}

/** 1-based line of the node at `pointer` in YAML or JSON source (its key's line, for a map entry). */
export function lineOfPointer(source: string, pointer: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const path = pointer.split('/').slice(1).map(decodePointerToken);
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const start = startOfChild(parent, path[depth - 1]);
    if (start !== undefined) return lineCounter.linePos(start).line;
  }
  return 1;
}

type Ranged = { range?: [number, number, number] | null };

function startOfChild(parent: unknown, token: string): number | undefined {
  if (isMap(parent)) {
    const pair = parent.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === token);
    return (pair?.key as Ranged | null)?.range?.[0] ?? (pair?.value as Ranged | null)?.range?.[0];
  }
  if (isSeq(parent)) return (parent.items[Number(token)] as Ranged | undefined)?.range?.[0];
  return undefined;
}

function isRef(node: unknown): boolean {
  return typeof node === 'object' && node !== null && typeof (node as Json).$ref === 'string' && ((node as Json).$ref as string).startsWith('#');
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split('/').slice(1).map(decodePointerToken)) {
    node = typeof node === 'object' && node !== null ? (node as Json)[token] : undefined;
  }
  return node;
}
