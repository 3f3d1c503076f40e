// The twin URL scheme, one rule both ways: a page at `/a/b/` has its Markdown at `/a/b.md`;
// the home page (the site's base, `/`) has `/index.md`. The rule Mintlify and Fern use, so
// tools that guess "append .md" find ours.

/** `/reference/melious/` → `/reference/melious.md`; the base `/` → `/index.md`. */
export function twinUrlOf(page: string, base = '/'): string {
  const path = page.split(/[?#]/)[0];
  if (path.endsWith('.md')) return path;
  const root = base.endsWith('/') ? base : `${base}/`;
  if (path === root || `${path}/` === root) return `${root}index.md`;
  return `${path.replace(/\/+$/, '')}.md`;
}

/** `/reference/melious.md` → `/reference/melious/`; `/index.md` → `/`. */
export function pageUrlOf(twin: string): string {
  const path = twin.replace(/\.md$/, '');
  if (path.endsWith('/index')) return path.slice(0, -'index'.length);
  return `${path}/`;
}
