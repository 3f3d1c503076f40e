// The import rules of shared/DESIGN.md as code: which box may import which, only through a
// box's surface, Node-only code only where Node runs, frameworks only where pages render.
// Pure: takes file paths (relative to the repository, `src/...`) and their imports.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/** DESIGN.md's "may import" column. A box missing from src/ today is listed all the same. */
export const MAY_IMPORT: Record<string, readonly string[]> = {
  openapi: [],
  request: ['openapi'],
  snippets: ['request', 'openapi'],
  highlight: [],
  reference: ['openapi', 'request', 'snippets', 'highlight'],
  tryit: ['openapi', 'request', 'snippets'],
  ai: ['openapi', 'request', 'snippets', 'reference'],
  proxy: ['openapi', 'request'],
  sandbox: ['openapi', 'request'],
  embed: ['snippets', 'highlight'],
  components: ['openapi', 'request', 'snippets', 'highlight', 'reference', 'tryit', 'ai', 'embed'],
  pages: ['components', 'openapi', 'request', 'snippets', 'highlight', 'reference', 'tryit', 'ai', 'proxy', 'sandbox', 'embed'],
  server: ['openapi', 'request', 'snippets', 'highlight', 'reference', 'tryit', 'ai', 'proxy', 'sandbox', 'embed'],
  edge: ['openapi', 'request', 'snippets', 'highlight', 'reference', 'tryit', 'ai', 'proxy', 'sandbox', 'embed'],
};

/** Boxes whose files are rendered by Astro: imported file by file, no index.ts surface. */
const RENDERING = new Set(['components', 'pages']);
/** Where Node runs anyway: any file there may use node:* and *.node.ts surfaces. */
const NODE_BOXES = new Set(['server', 'pages']);
/** Files directly in src/ (content.config.ts, middleware.ts) are Astro's wiring, like pages/. */
const ROOT_AS = 'pages';

/**
 * The files of a box that other boxes may import. `snippets/runtime.ts` is the browser part of
 * the snippets box (DESIGN: embed imports "snippets (runtime)"): the same exports as index.ts
 * without the Handlebars compiler. `tryit/oauth.ts` is the try-it console's OAuth client
 * (oauth4webapi), a separate browser entry so only pages whose spec declares OAuth load it.
 */
const SURFACES: Record<string, readonly string[]> = { snippets: ['runtime.ts'], tryit: ['oauth.ts'] };

const FRAMEWORK = /^(astro|astro:.*|astro\/.*|@astrojs\/.*|preact|preact\/.*|@preact\/.*|react|react\/.*|react-dom|react-dom\/.*)$/;
const BUILTINS = new Set(builtinModules);

export interface ImportRef {
  /** The specifier as written, e.g. `../proxy/index.ts`. */
  specifier: string;
  line: number;
  /** In an `.astro` frontmatter: code Astro runs only while building pages, never in a browser. */
  buildTime?: boolean;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

/** `src/openapi/load.node.ts` → `openapi`; a file directly in src/ → `pages`. */
export function boxOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : ROOT_AS;
}

const isNodeFile = (file: string) => /\.node\.(ts|tsx)$/.test(file);

/** Whether the importing file may use Node-only code (node:*, *.node.ts). */
function nodeAllowed(file: string): boolean {
  return isNodeFile(file) || NODE_BOXES.has(boxOf(file));
}

function isSurface(target: string): boolean {
  const box = boxOf(target);
  const rest = target.split('/').slice(2).join('/');
  return rest === 'index.ts' || rest === 'index.node.ts' || (SURFACES[box] ?? []).includes(rest);
}

/** Every rule DESIGN.md states, applied to one import of one file. */
export function checkImport(file: string, ref: ImportRef): string[] {
  const from = boxOf(file);
  const specifier = ref.specifier.replace(/[?#].*$/, '');
  const reasons: string[] = [];

  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if ((specifier.startsWith('node:') || BUILTINS.has(bare.split('/')[0])) && !nodeAllowed(file)) {
      reasons.push(`Node built-in "${specifier}" outside a *.node.ts file, server/ or pages/`);
    }
    if (FRAMEWORK.test(specifier) && !RENDERING.has(from)) {
      reasons.push(`framework import "${specifier}" outside components/ and pages/`);
    }
    return reasons;
  }

  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  if (!target.startsWith('src/')) return reasons;
  const to = boxOf(target);

  // The frontmatter of a component runs only at build time (every page is prerendered), so it
  // may call a box's Node-only surface, as pages do; never node:* itself, never a deep file.
  const buildSide = ref.buildTime === true && from === 'components' && target.endsWith('/index.node.ts');
  if (isNodeFile(target) && !nodeAllowed(file) && !buildSide) {
    reasons.push(`Node-only module ${target} imported outside a *.node.ts file, server/, pages/ or a component's frontmatter`);
  }
  if (to === from) return reasons;

  if (to === 'pages' || to === 'server' || to === 'edge') {
    reasons.push(`nothing imports ${to}/`);
  } else if (!(MAY_IMPORT[from] ?? []).includes(to)) {
    reasons.push(`${from}/ may not import ${to}/ (DESIGN.md: ${from} may import ${(MAY_IMPORT[from] ?? []).join(', ') || 'no other box'})`);
  } else if (!RENDERING.has(to) && !isSurface(target)) {
    reasons.push(`deep import into ${to}/: import src/${to}/index.ts (or index.node.ts) instead`);
  }
  return reasons;
}

/** All violations of a set of files, each naming file, line and the rule broken. */
export function checkImports(files: ReadonlyArray<{ file: string; imports: readonly ImportRef[] }>): Violation[] {
  const out: Violation[] = [];
  for (const { file, imports } of files) {
    for (const ref of imports) {
      for (const reason of checkImport(file, ref)) out.push({ file, line: ref.line, specifier: ref.specifier, reason });
    }
  }
  return out;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: "${v.specifier}": ${v.reason}`;
}
