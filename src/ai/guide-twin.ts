// The twin of a guide, from its MDX source (never from the HTML): MDX is parsed to a syntax
// tree, imports and exports dropped, and each component the guides use is replaced by the
// Markdown that says the same thing. Internal links point at twins.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root, RootContent, PhrasingContent, Code, Paragraph } from 'mdast';
import type { SnippetVariant } from '../snippets/index.ts';

/** A guide as the content collection holds it: plain data, no Astro. */
export interface GuideSource {
  /** Collection id: `start/quickstart`, `index`. */
  id: string;
  /** Source file, for error messages: `docs/start/quickstart.mdx`. */
  file: string;
  title: string;
  description?: string;
  /** `sidebar.order` from the frontmatter. */
  order?: number;
  /** The splash page's hero: tagline and action links. */
  hero?: { tagline?: string; actions?: Array<{ text: string; link: string }> };
  /** The MDX body, frontmatter removed. */
  body: string;
}

/** What the components of a guide stand for; each call may throw a message naming what is unknown. */
export interface GuideContext {
  /** Site origin + base without a trailing slash: `http://127.0.0.1:4321`. */
  site: string;
  /** Site-absolute twin URL of an internal page link, or undefined to keep the link. */
  twinOf(href: string): string | undefined;
  operation(api: string, id: string): { title: string; line: string; twin: string; samples: SnippetVariant[] };
  schema(api: string, name: string): { title: string; twin: string };
  snippet(name: string, values: Record<string, unknown>): { title: string; variants: SnippetVariant[] };
}

type Jsx = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const printer = unified().use(remarkStringify, { bullet: '-', fences: true, rule: '-' }).use(remarkGfm);

export function guideTwin(guide: GuideSource, ctx: GuideContext): string {
  let tree: Root;
  try {
    tree = parser.parse(guide.body) as Root;
  } catch (error) {
    throw new Error(`${guide.file}: the guide's MDX cannot be parsed for its Markdown twin: ${(error as Error).message}`);
  }
  const pageUrl = `${ctx.site}/${guide.id === 'index' ? '' : `${guide.id}/`}`;
  tree.children = flow(tree.children, guide, ctx, pageUrl);
  const head = [`# ${guide.title}`, ''];
  if (guide.description) head.push(`> ${guide.description.replace(/\s+/g, ' ').trim()}`, '');
  if (guide.hero?.tagline) head.push(guide.hero.tagline, '');
  for (const a of guide.hero?.actions ?? []) head.push(`- [${a.text}](${ctx.twinOf(a.link) ?? a.link})`);
  const body = (printer.stringify(tree) as string).trim();
  return (head.join('\n').trimEnd() + '\n\n' + body).trimEnd() + '\n';
}

function flow(nodes: RootContent[], guide: GuideSource, ctx: GuideContext, pageUrl: string): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    for (const converted of convert(node, guide, ctx, pageUrl)) {
      // Link cards side by side become one list, not several lists in a row.
      const last = out.at(-1);
      if (converted.type === 'list' && last?.type === 'list' && !converted.ordered && !last.ordered) last.children.push(...converted.children);
      else out.push(converted);
    }
  }
  return out;
}

function convert(node: RootContent, guide: GuideSource, ctx: GuideContext, pageUrl: string): RootContent[] {
  const recurse = (children: RootContent[]) => flow(children, guide, ctx, pageUrl);
  switch (node.type) {
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
      return [];
    case 'mdxTextExpression': {
      const literal = stringLiteral(node.value, ctx);
      return literal === undefined ? [] : [{ type: 'text', value: literal }];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return component(node, guide, ctx, pageUrl, recurse);
    case 'link': {
      const twin = ctx.twinOf(node.url);
      return [{ ...node, url: twin ?? node.url, children: recurse(node.children) as PhrasingContent[] }];
    }
    default:
      if ('children' in node && Array.isArray(node.children)) {
        return [{ ...node, children: recurse(node.children as RootContent[]) } as RootContent];
      }
      return [node];
  }
}

function component(node: Jsx, guide: GuideSource, ctx: GuideContext, pageUrl: string, recurse: (c: RootContent[]) => RootContent[]): RootContent[] {
  const attr = (name: string) => attribute(node, name, ctx);
  const children = () => recurse(node.children as RootContent[]);
  const where = `${guide.file}:${node.position?.start.line ?? '?'}`;
  const need = (name: string) => {
    const value = attr(name);
    if (value === undefined) throw new Error(`${where}: <${node.name}> needs a ${name} attribute (a string) for the Markdown twin.`);
    return value;
  };
  const inFlow = node.type === 'mdxJsxFlowElement';
  switch (node.name) {
    case 'Aside': {
      const label = attr('title') ?? { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' }[attr('type') ?? 'note'] ?? 'Note';
      const content = children();
      const lead: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: `${label}:` }] }] };
      return [{ type: 'blockquote', children: [lead, ...(content as Paragraph[])] }];
    }
    case 'TabItem':
    case 'Card': {
      const label = attr('label') ?? attr('title');
      const lead: RootContent[] = label ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }] }] : [];
      return [...lead, ...children()];
    }
    case 'LinkCard': {
      const href = need('href');
      const text: PhrasingContent[] = [{ type: 'link', url: ctx.twinOf(href) ?? href, children: [{ type: 'text', value: need('title') }] }];
      const description = attr('description');
      if (description) text.push({ type: 'text', value: `: ${description}` });
      return [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: text }] }] }];
    }
    case 'Code': {
      const value = attr('code');
      if (value === undefined) return unsupported(node, pageUrl);
      const title = attr('title');
      const block: Code = { type: 'code', lang: attr('lang') ?? null, value };
      return title ? [para(`${title}:`), block] : [block];
    }
    case 'Operation': {
      const found = ctx.operation(need('api'), need('id'));
      return [paraLinked(found.title, found.twin, ` — ${found.line}`), ...samplesOf(found.samples)];
    }
    case 'OperationSnippets': {
      const found = ctx.operation(need('api'), need('operation'));
      return samplesOf(found.samples);
    }
    case 'Schema': {
      const found = ctx.schema(need('api'), need('name'));
      return [paraLinked(`Schema ${found.title}`, found.twin, '')];
    }
    case 'Snippet': {
      const values: Record<string, unknown> = {};
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxAttribute' && a.name !== 'name' && a.name !== 'payload') {
          const v = attribute(node, a.name, ctx);
          if (v !== undefined) values[a.name] = v;
        }
      }
      const found = ctx.snippet(need('name'), values);
      return [para(`${found.title}:`), ...samplesOf(found.variants, true)];
    }
    default: {
      // Starlight layout components (Tabs, Steps, CardGrid) and plain HTML: keep what is inside.
      if (/^[a-z]/.test(node.name ?? '') && node.children.length === 0) return [];
      const kids = node.children as RootContent[];
      if (kids.some((k) => k.type === 'mdxFlowExpression' || (k.type !== 'text' && hasExpression(k)))) return unsupported(node, pageUrl);
      const converted = children();
      return inFlow ? converted : (converted as RootContent[]);
    }
  }
}

function samplesOf(variants: SnippetVariant[], all = false): RootContent[] {
  const pick = all ? variants : variants.filter((v) => v.language.id === 'shell' || !v.key.startsWith('http.'));
  return pick.flatMap((v) => [para(`${v.label}:`), { type: 'code', lang: v.language.id === 'shell' ? 'sh' : v.language.id, value: v.code } as Code]);
}

function para(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

function paraLinked(text: string, url: string, rest: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'link', url, children: [{ type: 'text', value: text }] }, { type: 'text', value: rest }] };
}

/** Built at render time from code in the page: the twin says so and links the page. */
function unsupported(node: Jsx, pageUrl: string): RootContent[] {
  return [{ type: 'paragraph', children: [{ type: 'emphasis', children: [
    { type: 'text', value: `(A ${node.name === 'table' ? 'table' : 'block'} generated when the site is built; see ` },
    { type: 'link', url: pageUrl, children: [{ type: 'text', value: pageUrl }] },
    { type: 'text', value: '.)' },
  ] }] }];
}

function hasExpression(node: RootContent): boolean {
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return true;
  return 'children' in node && Array.isArray(node.children) && (node.children as RootContent[]).some(hasExpression);
}

/** An attribute's string value: a literal, or a `{...}` holding a string or template literal. */
function attribute(node: Jsx, name: string, ctx: GuideContext): string | undefined {
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!found || found.type !== 'mdxJsxAttribute') return undefined;
  if (typeof found.value === 'string') return found.value;
  if (found.value === null || found.value === undefined) return 'true';
  return stringLiteral(found.value.value, ctx);
}

/** `"x"`, `'x'` or a template literal whose only placeholder is `${site}`; anything else is code we do not run. */
function stringLiteral(source: string, ctx: GuideContext): string | undefined {
  const text = source.trim();
  const quoted = /^(['"])((?:\\.|(?!\1).)*)\1$/s.exec(text);
  if (quoted) return unescape(quoted[2]);
  const template = /^`((?:\\.|[^`\\])*)`$/s.exec(text);
  if (!template) return undefined;
  const body = template[1];
  if (/(?<!\\)\$\{(?!site\})/.test(body)) return undefined;
  return unescape(body.replace(/(?<!\\)\$\{site\}/g, ctx.site));
}

function unescape(text: string): string {
  return text.replace(/\\(.)/gs, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
}
