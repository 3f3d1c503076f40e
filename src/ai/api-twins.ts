// Twins of an API's front page, its group pages (big APIs), its schema list and each named
// schema, from the ApiModel and the same paging as the HTML pages (reference/tag-pages.ts,
// reference/schema-list-pages.ts).
import { schemaRef, type ApiModel, type Operation } from '../openapi/index.ts';
import { describeScheme, displayName, hasTagPages, markdownToPlainText, operationLabel, schemaListSlice, schemaListTitle, sortedSchemaListPages, tagPagePath, tagPageTitle, tagPages, type TagPage } from '../reference/index.ts';
import { createFieldWriter } from './schema-fields.ts';
import { code, oneLine } from './markdown-text.ts';

export interface ApiTwinUrls {
  /** The API overview's twin. */
  overview: string;
  operation(slug: string): string;
  schema(name: string): string | undefined;
  /** Page `n` (1-based, 1 by default) of the schema list. */
  schemas(page?: number): string;
  /** A group page of a big API: `path` is `tagPagePath(slug, page)`. */
  tag(path: string): string;
  /** The changelog, for an API with several versions. */
  changelog?: string;
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
  if (urls.changelog) out.push('## Changelog', '', `What changed between versions, each change marked breaking or not: ${urls.changelog}`, '');
  out.push('## Operations', '');
  if (hasTagPages(api)) {
    // As the HTML overview: past OVERVIEW_OPERATIONS_LIMIT, the groups, each linking its own page.
    out.push(`${count(api.operations.length, 'operation')} in ${count(api.tags.length, 'group')}; each group's twin lists its operations.`, '');
    const firstPages = tagPages(api).filter((p) => p.page === 1);
    for (const page of firstPages) {
      const tag = api.tags.find((t) => t.name === page.tag)!;
      const about = oneLine(markdownToPlainText(tag.description));
      out.push(`- [${tag.name}](${urls.tag(tagPagePath(page.slug, 1))}): ${count(tag.operations.length, 'operation')}${about ? `. ${cut(about, 160)}` : ''}`);
    }
    out.push('');
  } else {
    const bySlug = new Map(api.operations.map((o) => [o.slug, o]));
    for (const tag of api.tags) {
      out.push(`### ${tag.name}`, '');
      if (tag.description?.trim()) out.push(oneLine(tag.description), '');
      for (const slug of tag.operations) {
        const op = bySlug.get(slug);
        if (op) out.push(operationLine(op, urls));
      }
      out.push('');
    }
  }
  if (Object.keys(api.schemas).length) out.push('## Schemas', '', `All named schemas: ${urls.schemas()}`, '');
  return out.join('\n').trimEnd() + '\n';
}

/** The twin of one group page of a big API: its slice of the group's operations, each linking its twin. */
export function tagPageTwin(api: ApiModel, page: TagPage, urls: ApiTwinUrls): string {
  const tag = api.tags.find((t) => t.name === page.tag);
  if (!tag) throw new Error(`${api.file}: no tag "${page.tag}" for its group page.`);
  const bySlug = new Map(api.operations.map((o) => [o.slug, o]));
  const ops = page.operations.map((slug) => bySlug.get(slug)).filter((o): o is Operation => o !== undefined);
  const total = tag.operations.length;
  const out = [`# ${tagPageTitle(page)}`, ''];
  const range = page.pages > 1 ? `Operations ${page.from + 1}–${page.from + ops.length} of ${total}` : count(total, 'operation');
  out.push(`> ${range} in the ${tag.name} group of the ${api.title} (overview: ${urls.overview}).`, '');
  if (page.page === 1 && tag.description?.trim()) out.push(tag.description.trim(), '');
  out.push(...ops.map((op) => operationLine(op, urls)), '');
  if (page.pages > 1) {
    out.push('## Pages', '', ...Array.from({ length: page.pages }, (_, i) => `- ${i + 1 === page.page ? `Page ${i + 1} (this page)` : `[Page ${i + 1}](${urls.tag(tagPagePath(page.slug, i + 1))})`}`), '');
  }
  return out.join('\n').trimEnd() + '\n';
}

function operationLine(op: Operation, urls: ApiTwinUrls): string {
  return `- [${operationLabel(op)}](${urls.operation(op.slug)}): ${code(`${op.method.toUpperCase()} ${op.path}`)}${op.deprecated ? ' (deprecated)' : ''}`;
}

function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** The twin of page `page` (1-based) of the schema list: its slice, each schema linking its twin. */
export function schemaListTwin(api: ApiModel, urls: ApiTwinUrls, page = 1, pages = sortedSchemaListPages(Object.keys(api.schemas))): string {
  if (!pages[page - 1]) throw new Error(`${api.file}: no page ${page} of its schema list (${pages.length} pages).`);
  const { names, from, to, total } = schemaListSlice(pages, page);
  const lines = names.map((n) => {
    const url = urls.schema(n);
    const description = oneLine(typeof api.schemas[n].description === 'string' ? (api.schemas[n].description as string) : '');
    return `- ${url ? `[${displayName(n)}](${url})` : code(displayName(n))}${description ? `: ${cut(description, 160)}` : ''}`;
  });
  const out = [`# ${schemaListTitle(api.title, page, pages.length)}`, '', `${total} schemas of the ${api.title}${pages.length > 1 ? `: ${from}–${to} on this page` : ''}.`, '', ...lines, ''];
  if (pages.length > 1) {
    out.push('## Pages', '', ...pages.map((_, i) => `- ${i + 1 === page ? `Page ${i + 1} (this page)` : `[Page ${i + 1}](${urls.schemas(i + 1)})`}`), '');
  }
  return out.join('\n').trimEnd() + '\n';
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
