// Descriptions in specs are CommonMark, and real specs (Stripe's, GitHub's) put raw HTML in
// them too. Render with `marked`, then allow-list the HTML with `sanitize-html`: a spec is
// third-party text and must not inject scripts, styles or event handlers into our pages.
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'a', 'strong', 'b', 'em', 'i', 's', 'del', 'code', 'pre', 'kbd', 'sub', 'sup', 'small', 'mark',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'h3', 'h4', 'h5', 'h6',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'img', 'span',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['align'], th: ['align'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Anything else is shown as text, not dropped, so the author sees what did not render.
  disallowedTagsMode: 'escape',
};

/** Markdown headings are shifted so that `#` in a description becomes an `<h3>`: the page owns h1/h2. */
function createMarked(): Marked {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { tokens, depth }: Tokens.Heading) {
        const level = Math.min(depth + 2, 6);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
  });
}

const marked = createMarked();
const blockCache = new Map<string, string>();
const inlineCache = new Map<string, string>();

/** Block Markdown → safe HTML. Memoised: the same descriptions repeat on many pages. */
export function markdownToHtml(markdown: string | undefined): string {
  if (markdown === undefined || markdown.trim() === '') return '';
  let html = blockCache.get(markdown);
  if (html === undefined) {
    html = sanitize(marked.parse(markdown) as string, markdown);
    blockCache.set(markdown, html);
  }
  return html;
}

/** One line of Markdown (a summary, a title) → safe inline HTML, no `<p>`. */
export function markdownToInlineHtml(markdown: string | undefined): string {
  if (markdown === undefined || markdown.trim() === '') return '';
  let html = inlineCache.get(markdown);
  if (html === undefined) {
    html = sanitize(marked.parseInline(markdown) as string, markdown);
    inlineCache.set(markdown, html);
  }
  return html;
}

/** Plain text for `<meta name="description">` and Pagefind: tags and Markdown marks dropped, one line, capped. */
export function markdownToPlainText(markdown: string | undefined, max = 160): string {
  if (markdown === undefined) return '';
  const html = marked.parse(markdown.split(/\n\s*\n/)[0]) as string;
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function sanitize(html: string, source: string): string {
  // Fast path: without `<` or a URL scheme in the source, marked only emits its own safe tags.
  if (!source.includes('<') && !/[a-z][a-z0-9+.-]*:/i.test(source)) return html.trim();
  return sanitizeHtml(html, SANITIZE).trim();
}
