// Astro renders sibling components concurrently, so the order in which a block's children ask
// the page's one renderer for schema HTML varies with load; ids and page-wide caps depend on that
// order. Rendering every schema up front, in reading order, makes the page the same every build.
import type { JsonSchema } from '../openapi/index.ts';
import type { SchemaMode, SchemaRenderer } from './schema-html.ts';

export function renderInOrder(renderer: SchemaRenderer, order: ReadonlyArray<{ schema: JsonSchema | undefined; mode: SchemaMode; anchor?: string }>): SchemaRenderer {
  // Keyed by schema and anchor: one schema object under two anchors (a request and a response) is two renders.
  const done = new Map<JsonSchema, Map<string | undefined, string>>();
  const repeated: Array<[JsonSchema, string | undefined]> = [];
  for (const { schema, mode, anchor } of order) {
    if (schema === undefined) continue;
    const byAnchor = done.get(schema) ?? new Map<string | undefined, string>();
    done.set(schema, byAnchor);
    // Met twice under one anchor, it would hand out the same ids twice: those render live instead.
    if (byAnchor.has(anchor)) repeated.push([schema, anchor]);
    else byAnchor.set(anchor, renderer.render(schema, mode, anchor));
  }
  for (const [schema, anchor] of repeated) done.get(schema)?.delete(anchor);
  return {
    render: (schema, mode, anchor) => done.get(schema)?.get(anchor) ?? renderer.render(schema, mode, anchor),
    get rows() { return renderer.rows; },
    get bytes() { return renderer.bytes; },
  };
}
