// Build time: the files under `/embed/`, produced by the Astro routes in src/pages/embed/ (and
// by tests and the bench for other snippet folders): the bundle with its lazy chunks, the
// host stylesheet, and one JSON per snippet.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { compileSnippets, type SnippetRegistry } from '../snippets/index.ts';
import { loadSnippets } from '../snippets/index.node.ts';
import { getHighlighter } from '../highlight/index.ts';
import { HOST_CSS } from './styles.ts';
import { embeddableIds, toEmbedPayload } from './to-payload.ts';

export interface EmbedFile {
  /** Path under `/embed/`: `snippets.js`, `chunks/render-overrides-XXXX.js`, `s/open-ai/chat-completion.json`. */
  path: string;
  contents: string;
}

/**
 * The bundle, its chunks and `snippets.css`. Each file a page waits for is one request with
 * no static imports: the entry, the override runner (fetched as soon as a snippet has
 * overrides) and the highlighter, whose grammars and themes are chunks of their own, loaded
 * on demand (every grammar of the highlight box is emitted; a page loads only those it shows).
 */
export async function buildEmbedBundle(root = process.cwd()): Promise<EmbedFile[]> {
  const outdir = join(root, '.embed-out');
  const common = {
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none',
    outdir, write: false, logLevel: 'silent', absWorkingDir: root, metafile: true,
  } as const;
  const lazy = async (name: string, splitting: boolean) =>
    build({
      ...common,
      entryPoints: { [name]: join(root, `src/embed/${name}.ts`) },
      splitting,
      entryNames: 'chunks/[name]-[hash]',
      chunkNames: 'chunks/[name]-[hash]',
    });
  const builds = [await lazy('render-overrides', false), await lazy('highlight-browser', true)];
  const links = new Map<string, string>();
  for (const result of builds) {
    for (const [path, output] of Object.entries(result.metafile.outputs)) {
      const name = /src\/embed\/([a-z-]+)\.ts$/.exec(output.entryPoint ?? '')?.[1];
      if (name) links.set(`./${name}.ts`, './' + relative(outdir, join(root, path)).split(sep).join('/'));
    }
  }
  const entry = await build({
    ...common,
    entryPoints: { snippets: join(root, 'src/embed/main.ts') },
    entryNames: '[name]',
    plugins: [lazyLinks(links)],
  });
  const files = [entry, ...builds].flatMap((r) => r.outputFiles).map((f) => ({ path: relative(outdir, f.path).split(sep).join('/'), contents: f.text }));
  return [...files, { path: 'snippets.css', contents: HOST_CSS }];
}

/** One JSON per embeddable snippet, at `s/<group>/<name>.json`. */
export async function buildPayloads(registry: SnippetRegistry): Promise<EmbedFile[]> {
  const compiled = compileSnippets(registry);
  const highlighter = await getHighlighter();
  const files: EmbedFile[] = [];
  for (const id of embeddableIds(registry)) {
    const payload = await toEmbedPayload(registry, compiled, id, highlighter);
    files.push({ path: `s/${id.replace('.', '/')}.json`, contents: JSON.stringify(payload) });
  }
  return files;
}

/** Everything under `/embed/` for one snippets folder. */
export async function buildEmbed(snippetsDir = 'snippets', root = process.cwd()): Promise<EmbedFile[]> {
  const registry = loadSnippets(snippetsDir, root);
  return [...(await buildEmbedBundle(root)), ...(await buildPayloads(registry))];
}

export function writeEmbed(dir: string, files: EmbedFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/** `import('./render-overrides.ts')` in the entry → the lazy build's hashed file, left as a runtime import. */
function lazyLinks(links: Map<string, string>): Plugin {
  return {
    name: 'embed-lazy-links',
    setup(b) {
      b.onResolve({ filter: /^\.\/[a-z-]+\.ts$/ }, (args) => {
        const target = links.get(args.path);
        return target && args.kind === 'dynamic-import' ? { path: target, external: true } : undefined;
      });
    },
  };
}
