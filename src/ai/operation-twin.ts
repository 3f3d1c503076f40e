// The Markdown twin of an operation page, from the ApiModel (never from the HTML): method and
// path, auth, parameters, request body and responses as nested field lists, examples, and the
// request sample in curl and the API's SDK.
import type { ApiModel, MediaType, Operation } from '../openapi/index.ts';
import { authOptional, authOptions, PARAMETER_GROUPS, constraintsOf, formatValue, type SchemaView, viewOf } from '../reference/index.ts';
import type { SnippetVariant } from '../snippets/index.ts';
import { createFieldWriter } from './schema-fields.ts';
import { cell, code, fence, oneLine, prettyJson, table } from './markdown-text.ts';

export interface OperationTwinInput {
  api: ApiModel;
  op: Operation;
  /** URL of the HTML page, for the header line. */
  page: string;
  /** URL of the API overview twin. */
  overview: string;
  schemaUrl: (name: string) => string | undefined;
  /** Rendered request samples; the twin keeps curl and the SDK ones (plain HTTP clients when no SDK fits). */
  samples: SnippetVariant[];
  /** Samples of the streaming request, when the operation can stream. */
  streamingSamples?: SnippetVariant[];
}

export function operationTitle(op: Operation): string {
  return op.summary?.trim() || `${op.method.toUpperCase()} ${op.path}`;
}

export function operationTwin({ api, op, page, overview, schemaUrl, samples, streamingSamples }: OperationTwinInput): string {
  const fields = createFieldWriter({ schemas: api.schemas, schemaUrl });
  const out: string[] = [`# ${operationTitle(op)}`, ''];
  out.push(`${code(`${op.method.toUpperCase()} ${op.path}`)}`, '');
  const facts = [`API: [${api.title}](${overview})`];
  if (op.operationId) facts.push(`operationId: ${code(op.operationId)}`);
  if (op.tags.length) facts.push(`Tags: ${op.tags.join(', ')}`);
  if (op.deprecated) facts.push('**Deprecated**');
  facts.push(`HTML: ${page}`);
  out.push(facts.map((f) => `- ${f}`).join('\n'), '');
  if (op.description?.trim()) out.push(op.description.trim(), '');

  const servers = op.servers.length ? op.servers : api.servers;
  if (servers.length) out.push('## Base URL', '', servers.map((s) => `- ${code(s.url)}${s.description ? `: ${oneLine(s.description)}` : ''}`).join('\n'), '');

  out.push('## Authentication', '', authText(api, op), '');

  if (op.parameters.length) {
    out.push('## Parameters', '');
    const rows = PARAMETER_GROUPS.flatMap((group) => op.parameters.filter((p) => p.in === group.in)).map((p) => {
      const view = viewOf(api.schemas, p.schema);
      const notes = [oneLine(p.description ?? (typeof view.schema.description === 'string' ? view.schema.description : ''))];
      notes.push(...valueFacts(view, p.examples[0]?.value));
      if (p.deprecated) notes.unshift('**Deprecated.**');
      return [code(p.name), p.in, cell(fields.type(p.schema) + (view.nullable ? ' | null' : '')), p.required ? 'yes' : 'no', cell(notes.filter(Boolean).join(' '))];
    });
    out.push(table(['Name', 'In', 'Type', 'Required', 'Description'], rows), '');
  }

  if (op.requestBody) {
    const body = op.requestBody;
    out.push('## Request body', '', `${body.required ? 'Required' : 'Optional'}.${body.description ? ` ${oneLine(body.description)}` : ''}`, '');
    for (const media of body.content) out.push(...mediaSection(media, 'request', '###'));
  }

  if (op.responses.length) {
    out.push('## Responses', '');
    for (const response of op.responses) {
      out.push(`### ${response.status}`, '');
      if (response.description?.trim()) out.push(response.description.trim(), '');
      if (response.headers.length) {
        const rows = response.headers.map((h) => [code(h.name), cell(fields.type(h.schema)), cell([oneLine(h.description), ...valueFacts(viewOf(api.schemas, h.schema), h.examples[0]?.value)].filter(Boolean).join(' '))]);
        out.push('Headers:', '', table(['Header', 'Type', 'Description'], rows), '');
      }
      for (const media of response.content) out.push(...mediaSection(media, 'response', '####'));
      for (const link of response.links) out.push(`Link ${code(link.name)}: follow with the ${code(link.operation)} operation${link.description ? ` (${oneLine(link.description)})` : ''}.`, '');
    }
  }

  const chosen = pickSamples(samples);
  if (chosen.length) {
    out.push('## Request sample', '');
    for (const s of chosen) out.push(`### ${s.label}`, '', fence(s.code, fenceLang(s)), '');
  }
  const streaming = pickSamples(streamingSamples ?? []);
  if (streaming.length) {
    out.push('## Streaming request sample', '');
    for (const s of streaming) out.push(`### ${s.label}`, '', fence(s.code, fenceLang(s)), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';

  function mediaSection(media: MediaType, mode: 'request' | 'response', level: string): string[] {
    const lines: string[] = [];
    const type = media.schema ? fields.type(media.schema) : undefined;
    lines.push(`Content type ${code(media.type)}${type ? `, ${type}` : ''}.`, '');
    const list = media.schema ? fields.write(media.schema, mode) : '';
    if (list) lines.push(list, '');
    for (const example of media.examples.slice(0, 3)) {
      const name = example.summary ?? (example.name === 'default' ? '' : example.name);
      lines.push(`${level} Example${name ? `: ${oneLine(name)}` : ''}`, '');
      const text = typeof example.value === 'string' ? example.value : prettyJson(example.value);
      lines.push(fence(text, typeof example.value === 'string' ? '' : 'json'), '');
    }
    return lines;
  }
}

function valueFacts(view: SchemaView, example: unknown): string[] {
  const s = view.schema;
  const out: string[] = [];
  if (Array.isArray(s.enum)) out.push(`Allowed: ${s.enum.slice(0, 40).map((v) => code(formatValue(v))).join(', ')}.`);
  if (s.default !== undefined) out.push(`Default: ${code(formatValue(s.default))}.`);
  for (const c of constraintsOf(s)) out.push(`${c.label}: ${code(c.value)}.`);
  const ex = example ?? s.example;
  if (ex !== undefined) out.push(`Example: ${code(formatValue(ex))}.`);
  return out;
}

function authText(api: ApiModel, op: Operation): string {
  const options = authOptions(api, op);
  if (options.length === 0) return 'None: this operation needs no credentials.';
  const lines = options.map((requirement) =>
    '- ' + requirement.map((o) => `${o.label}${o.detail ? ` (${code(o.detail)})` : ''}${o.description ? `: ${oneLine(o.description)}` : ''}`).join(' **and** '),
  );
  const intro = options.length > 1 ? 'Any one of:' : 'Send:';
  return [intro, '', ...lines, ...(authOptional(op) ? ['', 'Or no credentials at all.'] : [])].join('\n');
}

/** curl, then the SDK samples; with no SDK for this operation, curl plus plain Python. */
function pickSamples(variants: SnippetVariant[]): SnippetVariant[] {
  const curl = variants.filter((v) => v.language.id === 'shell');
  const sdk = variants.filter((v) => !v.key.startsWith('http.') && v.language.id !== 'shell');
  const fallback = sdk.length ? [] : variants.filter((v) => v.key.startsWith('http.') && v.language.id === 'python');
  return [...curl.slice(0, 1), ...sdk, ...fallback];
}

function fenceLang(v: SnippetVariant): string {
  return v.language.id === 'shell' ? 'sh' : v.language.id;
}
