// Twins of an API's front page, its schema list and each named schema, from the ApiModel.
import { schemaRef, type ApiModel } from '../openapi/index.ts';
import { describeScheme, displayName, operationLabel } from '../reference/index.ts';
import { createFieldWriter } from './schema-fields.ts';
import { code, oneLine } from './markdown-text.ts';

export interface ApiTwinUrls {
  operation(slug: string): string;
  schema(name: string): string | undefined;
  schemas: string;
  llmsTxt: string;
}

export function overviewTwin(api: ApiModel, urls: ApiTwinUrls): string {
  const out = [`# ${api.title}`, ''];
  out.push(`> Version ${api.version}. ${api.operations.length} operations. Per-API index for assistants: ${urls.llmsTxt}`, '');
  if (api.description?.trim()) out.push(api.description.trim(), '');
  if (api.servers.length) out.push('## Base URL', '', ...api.servers.map((s) => `- ${code(s.url)}${s.description ? `: ${oneLine(s.description)}` : ''}`), '');
  const schemes = Object.values(api.securitySchemes);
  if (schemes.length) {
    out.push('## Authentication', '');
    for (const s of schemes) {
      const d = describeScheme(s, s.name);
      out.push(`- ${d.label}${d.detail ? ` (${code(d.detail)})` : ''}, scheme ${code(s.name)}${d.description ? `: ${oneLine(d.description)}` : ''}`);
    }
    out.push('');
  }
  out.push('## Operations', '');
  const bySlug = new Map(api.operations.map((o) => [o.slug, o]));
  for (const tag of api.tags) {
    out.push(`### ${tag.name}`, '');
    if (tag.description?.trim()) out.push(oneLine(tag.description), '');
    for (const slug of tag.operations) {
      const op = bySlug.get(slug);
      if (op) out.push(`- [${operationLabel(op)}](${urls.operation(op.slug)}): ${code(`${op.method.toUpperCase()} ${op.path}`)}${op.deprecated ? ' (deprecated)' : ''}`);
    }
    out.push('');
  }
  if (Object.keys(api.schemas).length) out.push('## Schemas', '', `All named schemas: ${urls.schemas}`, '');
  return out.join('\n').trimEnd() + '\n';
}

export function schemaListTwin(api: ApiModel, urls: ApiTwinUrls): string {
  const names = Object.keys(api.schemas).sort((a, b) => displayName(a).localeCompare(displayName(b)));
  const lines = names.map((n) => {
    const url = urls.schema(n);
    const description = oneLine(typeof api.schemas[n].description === 'string' ? (api.schemas[n].description as string) : '');
    return `- ${url ? `[${displayName(n)}](${url})` : code(displayName(n))}${description ? `: ${cut(description, 160)}` : ''}`;
  });
  return [`# ${api.title} schemas`, '', `${names.length} schemas of the ${api.title}.`, '', ...lines].join('\n') + '\n';
}

export function schemaTwin(api: ApiModel, name: string, urls: ApiTwinUrls): string {
  const schema = api.schemas[name];
  const fields = createFieldWriter({ schemas: api.schemas, schemaUrl: urls.schema });
  const out = [`# ${displayName(name)}`, '', `Schema of the ${api.title}. Type: ${fields.type({ $ref: schemaRef(name) })}.`, ''];
  if (typeof schema.description === 'string' && schema.description.trim()) out.push(schema.description.trim(), '');
  const list = fields.write({ $ref: schemaRef(name) }, 'schema');
  if (list) out.push('## Fields', '', list, '');
  return out.join('\n').trimEnd() + '\n';
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
