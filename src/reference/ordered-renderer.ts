// Astro renders sibling components concurrently, so the order in which a block's children ask
// the page's one renderer for schema HTML varies with load; ids and page-wide caps depend on that
// order. Rendering every schema up front, in reading order, makes the page the same every build.
import type { JsonSchema } from '../openapi/index.ts';
import type { SchemaMode, SchemaRenderer } from './schema-html.ts';

export function renderInOrder(renderer: SchemaRenderer, order: ReadonlyArray<{ schema: JsonSchema | undefined; mode: SchemaMode }>): SchemaRenderer {
  const done = new Map<JsonSchema, string>();
  const repeated = new Set<JsonSchema>();
  for (const { schema, mode } of order) {
    if (schema === undefined) continue;
    // A schema object met twice would hand out the same ids twice: those render live instead.
    if (done.has(schema)) repeated.add(schema);
    else done.set(schema, renderer.render(schema, mode));
  }
  for (const schema of repeated) done.delete(schema);
  return {
    render: (schema, mode) => done.get(schema) ?? renderer.render(schema, mode),
    get rows() { return renderer.rows; },
    get bytes() { return renderer.bytes; },
  };
}
