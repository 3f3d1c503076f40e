// A schema as a nested Markdown list: one line per field with its type, required/nullable,
// description, allowed values, default, constraints and example. Finite on any spec: a named
// schema is unfolded once per twin (later uses point back to it), a cycle names its ancestor,
// and past the depth or line budget a named schema becomes a link to its own twin.
import type { JsonSchema } from '../openapi/index.ts';
import {
  additionalSchema, alternativesOf, constraintsOf, displayName, formatValue, hasChildren, typeLabel, unfoldTarget, viewOf,
  type Schemas, type SchemaView,
} from '../reference/index.ts';
import { code, oneLine } from './markdown-text.ts';

export type FieldMode = 'request' | 'response' | 'schema';

export interface FieldWriterOptions {
  schemas: Schemas;
  /** URL of a named schema's twin. */
  schemaUrl: (name: string) => string | undefined;
  maxDepth?: number;
  /** Lines of fields per twin before named schemas are only linked. */
  maxLines?: number;
}

export interface FieldWriter {
  /** The fields of `schema` as Markdown list lines (no trailing newline); '' when it has none. */
  write(schema: JsonSchema, mode: FieldMode): string;
  /** One-line type of a schema: `array of Message`, `string · date-time`. */
  type(schema: JsonSchema): string;
}

const MAX_ENUM = 40;

export function createFieldWriter({ schemas, schemaUrl, maxDepth = 5, maxLines = 600 }: FieldWriterOptions): FieldWriter {
  const unfolded = new Set<string>();
  let lines = 0;

  function typeOf(view: SchemaView): string {
    return typeLabel(view.raw.$ref !== undefined ? view.raw : view.schema);
  }

  function facts(view: SchemaView, required: boolean): string {
    const s = view.schema;
    const flags = [typeOf(view)];
    if (required) flags.push('required');
    if (view.nullable) flags.push('nullable');
    if (s.deprecated) flags.push('deprecated');
    if (s.readOnly) flags.push('read-only');
    if (s.writeOnly) flags.push('write-only');
    const parts = [`(${flags.join(', ')})`];
    const description = oneLine(typeof s.description === 'string' ? s.description : undefined);
    const extra: string[] = [];
    if (s.const !== undefined) extra.push(`Always ${code(formatValue(s.const))}.`);
    if (Array.isArray(s.enum)) {
      const shown = s.enum.slice(0, MAX_ENUM).map((v) => code(formatValue(v))).join(', ');
      extra.push(`Allowed: ${shown}${s.enum.length > MAX_ENUM ? `, … (${s.enum.length} in all)` : ''}.`);
    }
    if (s.default !== undefined) extra.push(`Default: ${code(formatValue(s.default))}.`);
    for (const c of constraintsOf(s)) extra.push(`${c.label}: ${code(c.value)}.`);
    const example = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined);
    if (example !== undefined) extra.push(`Example: ${code(formatValue(example))}.`);
    return [parts[0], description ? `: ${description}` : '', extra.length ? ` ${extra.join(' ')}` : ''].join('');
  }

  function visible(schema: JsonSchema, mode: FieldMode): boolean {
    if (mode === 'request' && schema.readOnly) return false;
    if (mode === 'response' && schema.writeOnly) return false;
    return true;
  }

  /** Children of a view (its properties, alternatives or additional properties), indented. */
  function children(view: SchemaView, mode: FieldMode, depth: number, open: string[]): string[] {
    const target = unfoldTarget(schemas, view);
    if (!hasChildren(schemas, target)) return [];
    const name = target.refName ?? view.refName;
    const pad = '  '.repeat(depth);
    if (name !== undefined) {
      const label = code(displayName(name));
      if (open.includes(name)) return [`${pad}- (recursive: the same ${label} as above)`];
      const url = schemaUrl(name);
      const link = url ? `[${displayName(name)}](${url})` : label;
      if (unfolded.has(name)) return [`${pad}- (fields of ${label} as listed above; also at ${link})`];
      if (depth >= maxDepth || lines >= maxLines) return [`${pad}- (fields of ${label}: see ${link})`];
      unfolded.add(name);
    } else if (depth >= maxDepth || lines >= maxLines) {
      return [`${pad}- (more fields, cut here to keep this page short)`];
    }
    return body(target.schema, mode, depth, name === undefined ? open : [...open, name]);
  }

  function body(s: JsonSchema, mode: FieldMode, depth: number, open: string[]): string[] {
    const pad = '  '.repeat(depth);
    const out: string[] = [];
    const required = new Set(s.required ?? []);
    for (const [prop, raw] of Object.entries(s.properties ?? {})) {
      const view = viewOf(schemas, raw);
      if (!visible(view.schema, mode)) continue;
      lines++;
      out.push(`${pad}- ${code(prop)} ${facts(view, required.has(prop))}`);
      out.push(...children(view, mode, depth + 1, open));
    }
    const extra = additionalSchema(s);
    if (extra && Object.keys(extra).length > 0) {
      const view = viewOf(schemas, extra);
      lines++;
      out.push(`${pad}- any other key ${facts(view, false)}`);
      out.push(...children(view, mode, depth + 1, open));
    }
    const alternatives = alternativesOf(s);
    if (alternatives && !s.properties) {
      out.push(`${pad}- ${alternatives.kind === 'one' ? 'Exactly one of' : 'Any of'}:`);
      alternatives.list.forEach((alt, i) => {
        const view = viewOf(schemas, alt);
        lines++;
        const title = typeof view.schema.title === 'string' ? ` ${view.schema.title}` : '';
        out.push(`${pad}  - Option ${i + 1}${title} ${facts(view, false)}`);
        out.push(...children(view, mode, depth + 2, open));
      });
    }
    return out;
  }

  return {
    type: (schema) => typeOf(viewOf(schemas, schema)),
    write(schema, mode) {
      const view = viewOf(schemas, schema);
      const target = unfoldTarget(schemas, view);
      if (!hasChildren(schemas, target)) return '';
      if (target.refName) unfolded.add(target.refName);
      return body(target.schema, mode, 0, target.refName ? [target.refName] : []).join('\n');
    },
  };
}
