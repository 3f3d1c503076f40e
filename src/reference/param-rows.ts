// Rows of a parameter table, computed outside the component so it only renders.
import type { Parameter } from '../openapi/index.ts';
import { constraintsOf, escapeHtml, formatValue, typeLabel } from './format.ts';
import { markdownToHtml } from './markdown.ts';
import { viewOf, type Schemas } from './schema-view.ts';

export interface ParamRow {
  name: string;
  type: string;
  required: boolean;
  deprecated: boolean;
  nullable: boolean;
  /** Description and facts (allowed values, default, range, example) as safe HTML. */
  html: string;
}

export function toParamRows(params: Parameter[], schemas: Schemas): ParamRow[] {
  return params.map((p) => {
    const view = viewOf(schemas, p.schema);
    const s = view.schema;
    const facts: string[] = [];
    if (Array.isArray(s.enum)) facts.push('Allowed ' + s.enum.slice(0, 40).map(code).join(' '));
    if (s.default !== undefined) facts.push('Default ' + code(s.default));
    for (const c of constraintsOf(s)) facts.push(`${c.label} <code>${escapeHtml(c.value)}</code>`);
    const example = p.examples[0]?.value ?? s.example;
    if (example !== undefined) facts.push('Example ' + code(example));
    const description = p.description ?? (typeof s.description === 'string' ? s.description : undefined);
    const factsHtml = facts.length > 0 ? '<p class="facts">' + facts.map((f) => '<span>' + f + '</span>').join(' ') + '</p>' : '';
    return {
      name: p.name,
      type: typeLabel(view.raw.$ref !== undefined ? view.raw : s),
      required: p.required,
      deprecated: p.deprecated,
      nullable: view.nullable,
      html: markdownToHtml(description) + factsHtml,
    };
  });
}

function code(value: unknown): string {
  return `<code>${escapeHtml(formatValue(value))}</code>`;
}
