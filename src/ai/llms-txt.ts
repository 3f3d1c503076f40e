// llms.txt (llmstxt.org): an H1, a blockquote summary, prose, then H2 sections of
// `- [name](url): note` links. The site's file has a section per guide group and per API; each
// API has its own under its reference path, so a Stripe-sized spec stays usable.
import type { AiData, ApiEntry, Twin } from './types.ts';
import { oneLine } from './markdown-text.ts';

/** Past this many operations, the site's llms.txt links an API's own file instead of listing them. */
const LIST_OPERATIONS_UP_TO = 40;

export interface LlmsOptions {
  /** Origin + base without a trailing slash: `https://docs.example.com`. */
  site: string;
  /** Site-absolute URL of the MCP endpoint. */
  mcp: string;
}

export function siteLlmsTxt(data: AiData, { site, mcp }: LlmsOptions): string {
  const out = [`# ${data.site.title}`, ''];
  if (data.site.description) out.push(`> ${oneLine(data.site.description)}`, '');
  out.push(
    `Every page of this site has a Markdown twin: replace the trailing slash of its URL with \`.md\` (the home page is ${site}/index.md).`,
    `All twins in one file: ${site}/llms-full.txt. Each API has its own index: ${data.apis.map((a) => site + a.llmsTxt).join(', ')}.`,
    `MCP server (Streamable HTTP) with search_docs, get_page, list_operations, describe_operation and call_operation: ${site}${mcp}`,
    '',
  );
  const sections = new Map<string, Twin[]>();
  for (const twin of data.twins) {
    if (twin.kind !== 'guide') continue;
    sections.set(twin.section, [...(sections.get(twin.section) ?? []), twin]);
  }
  for (const [section, twins] of sections) out.push(`## ${section}`, '', ...twins.map((t) => link(t, site)), '');
  for (const api of data.apis) out.push(...apiSection(data, api, site, 'site'));
  return out.join('\n').trimEnd() + '\n';
}

export function apiLlmsTxt(data: AiData, apiId: string, { site, mcp }: LlmsOptions): string {
  const api = data.apis.find((a) => a.id === apiId);
  if (!api) throw new Error(`No API "${apiId}" in the AI data; known: ${data.apis.map((a) => a.id).join(', ')}.`);
  const out = [`# ${api.title}`, ''];
  if (api.summary) out.push(`> ${oneLine(api.summary)}`, '');
  out.push(`Version ${api.version}. Every operation below links its Markdown twin. MCP server: ${site}${mcp} (list_operations with api "${api.id}").`, '');
  out.push(...apiSection(data, api, site, 'api').slice(2));
  return out.join('\n').trimEnd() + '\n';
}

/**
 * Past this many operations an API's twins are not inlined in llms-full.txt: Microsoft Graph's
 * 11,422 made a 131 MB file no assistant can read; its own llms.txt lists them instead.
 */
export const FULL_TXT_OPERATIONS_UP_TO = 500;

/**
 * Every twin in sidebar order, separated so a reader can split them again. An API past
 * `operationsUpTo` operations keeps its overview and changelog, and gets a note pointing at its own llms.txt.
 */
export function llmsFullTxt(data: AiData, { site }: LlmsOptions, operationsUpTo = FULL_TXT_OPERATIONS_UP_TO): string {
  const counts = new Map<string, number>();
  for (const op of data.operations) counts.set(op.api, (counts.get(op.api) ?? 0) + 1);
  const big = new Map(data.apis.filter((a) => (counts.get(a.id) ?? 0) > operationsUpTo).map((a) => [a.id, a]));
  const parts: string[] = [];
  for (const t of data.twins) {
    const api = t.api === undefined ? undefined : big.get(t.api);
    if (api && t.kind !== 'overview' && t.kind !== 'changelog') continue;
    parts.push(`<!-- ${site}${t.url} -->\n${t.markdown.trimEnd()}\n`);
    if (api && t.kind === 'overview') {
      parts.push(`<!-- ${site}${api.llmsTxt} -->\n${api.title} has ${counts.get(api.id)} operations, too many for this file: ${site}${api.llmsTxt} links the Markdown twin of each, by tag.\n`);
    }
  }
  return parts.join('\n---\n\n');
}

function apiSection(data: AiData, api: ApiEntry, site: string, scope: 'site' | 'api'): string[] {
  const twins = data.twins.filter((t) => t.api === api.id);
  const overview = twins.find((t) => t.kind === 'overview');
  const operations = data.operations.filter((o) => o.api === api.id);
  const changelog = twins.find((t) => t.kind === 'changelog');
  const out = [`## ${api.title}`, ''];
  if (overview) out.push(link(overview, site));
  if (changelog) out.push(link(changelog, site));
  if (scope === 'site' && operations.length > LIST_OPERATIONS_UP_TO) {
    out.push('', `${operations.length} operations: see ${site}${api.llmsTxt}.`, '');
    return out;
  }
  const byTag = new Map<string, typeof operations>();
  for (const op of operations) {
    const tag = op.tags[0] ?? 'Other';
    byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
  }
  const tagged = scope === 'api' && byTag.size > 1;
  if (!tagged) out.push(...operations.map((o) => `- [${o.summary || `${o.method.toUpperCase()} ${o.path}`}](${site}${o.twin}): ${o.method.toUpperCase()} ${o.path}`));
  out.push('');
  if (tagged) {
    for (const [tag, ops] of byTag) {
      out.push(`## ${tag}`, '', ...ops.map((o) => `- [${o.summary || `${o.method.toUpperCase()} ${o.path}`}](${site}${o.twin}): ${o.method.toUpperCase()} ${o.path}`), '');
    }
  }
  if (scope === 'api') {
    const schemas = twins.filter((t) => t.kind === 'schema');
    if (schemas.length) out.push('## Optional', '', ...schemas.map((t) => link(t, site)), '');
  }
  return out;
}

function link(twin: Twin, site: string): string {
  return `- [${twin.title}](${site}${twin.url})${twin.description ? `: ${oneLine(twin.description)}` : ''}`;
}
