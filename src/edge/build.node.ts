// Build time: the Worker in Cloudflare's module format, beside the static site. Bundles the
// edge box with esbuild, with the specs as plain JSON and the sandbox's request validators as
// Ajv standalone code (workerd compiles no code at run time), and writes a wrangler config
// (assets: the built site) and the site's `_headers` (CORS for /embed/, caching for /_astro/).
// `node src/edge/build.node.ts` builds dist/worker/ after `astro build`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { EMBED_HEADERS, EMBED_PREFIX } from '../embed/index.ts';
import { DATA_FILE } from '../ai/index.ts';
import type { ApiModel } from '../openapi/index.ts';
import { loadApis } from '../openapi/index.node.ts';
import { toStandaloneValidators } from '../sandbox/index.ts';

/** workerd's release in node_modules supports this date; bump both together. */
export const COMPATIBILITY_DATE = '2026-04-01';
/** `request.signal` aborts when the client goes away, so the proxy aborts its upstream request. */
export const COMPATIBILITY_FLAGS = ['enable_request_signal'];

export interface WorkerBuildOptions {
  apis: readonly ApiModel[];
  /** Where `worker.js` and `wrangler.json` go: `dist/worker`. */
  outDir: string;
  /** The built site served as static assets: `dist/client`. */
  assetsDir: string;
  /** Project root (for src/ and node_modules). */
  root?: string;
  /** Merged over the generated wrangler config: `name`, `routes`, `vars`, `ratelimits`, … (`worker.config.json`). */
  config?: Record<string, unknown>;
}

export interface WorkerBuild {
  script: string;
  configPath: string;
  bytes: number;
}

const HERE = dirname(fileURLToPath(import.meta.url));

export async function buildWorker({ apis, outDir, assetsDir, root = resolve(HERE, '../..'), config = {} }: WorkerBuildOptions): Promise<WorkerBuild> {
  mkdirSync(outDir, { recursive: true });
  const modules = new Map<string, string>();
  const validatorLines: string[] = [];
  for (const [index, api] of apis.entries()) {
    const { coercing, strict } = toStandaloneValidators(api);
    modules.set(`validators-${index}-coercing.cjs`, coercing);
    modules.set(`validators-${index}-strict.cjs`, strict);
    validatorLines.push(`${JSON.stringify(api.id)}: { ...v${index}c, ...v${index}s },`);
  }
  modules.set('apis.json', JSON.stringify(apis));
  // The AI box's data for /mcp, written by the site build next to the pages.
  const aiFile = join(assetsDir, DATA_FILE);
  modules.set('ai.json', existsSync(aiFile) ? readFileSync(aiFile, 'utf8') : 'null');
  const entry = [
    `import { createWorker } from ${JSON.stringify(join(HERE, 'worker.ts'))};`,
    `import apis from 'edge-data:apis.json';`,
    `import ai from 'edge-data:ai.json';`,
    ...apis.map((_, i) => `import v${i}c from 'edge-data:validators-${i}-coercing.cjs';\nimport v${i}s from 'edge-data:validators-${i}-strict.cjs';`),
    `export default createWorker({ apis, ai: ai ?? undefined, validators: {\n${validatorLines.join('\n')}\n} });`,
  ].join('\n');

  const script = join(outDir, 'worker.js');
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'worker-entry.js', loader: 'js' },
    bundle: true, format: 'esm', platform: 'browser', conditions: ['workerd', 'worker', 'browser'], target: 'es2022',
    minify: true, sourcemap: 'external', legalComments: 'none', outfile: script, absWorkingDir: root, logLevel: 'silent',
    metafile: true, plugins: [generatedModules(modules, root)],
  });
  const generated = {
    $schema: relative(outDir, join(root, 'node_modules/wrangler/config-schema.json')).split(sep).join('/'),
    name: 'api-docs',
    ...config,
    main: 'worker.js',
    // Bundled here already: wrangler uploads worker.js as it is.
    no_bundle: true,
    compatibility_date: COMPATIBILITY_DATE,
    compatibility_flags: COMPATIBILITY_FLAGS,
    assets: { ...(config.assets as object | undefined), directory: relative(outDir, assetsDir).split(sep).join('/'), binding: 'ASSETS', not_found_handling: '404-page' },
  };
  const configPath = join(outDir, 'wrangler.json');
  writeFileSync(configPath, JSON.stringify(generated, null, 2) + '\n');
  writeFileSync(join(assetsDir, '_headers'), toHeadersFile());
  return { script, configPath, bytes: result.metafile.outputs[relative(root, script).split(sep).join('/')]?.bytes ?? 0 };
}

/** Cloudflare's `_headers` format: a path pattern, then indented `Name: value` lines. */
function toHeadersFile(): string {
  const embed = Object.entries(EMBED_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
  return [`${EMBED_PREFIX}*`, ...embed, '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', ''].join('\n');
}

/** `edge-data:<name>`: a module the build generated (specs JSON, validator code), resolved from the project root. */
function generatedModules(modules: ReadonlyMap<string, string>, root: string): Plugin {
  return {
    name: 'edge-data',
    setup(b) {
      b.onResolve({ filter: /^edge-data:/ }, (args) => ({ path: args.path.slice('edge-data:'.length), namespace: 'edge-data' }));
      b.onLoad({ filter: /.*/, namespace: 'edge-data' }, (args) => {
        const contents = modules.get(args.path);
        if (contents === undefined) throw new Error(`edge build: no generated module ${args.path}`);
        return { contents, loader: args.path.endsWith('.json') ? 'json' : 'js', resolveDir: root };
      });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(HERE, '../..');
  const apis = await loadApis(join(root, 'openapi'), root);
  const own = join(root, 'worker.config.json');
  const { existsSync, readFileSync } = await import('node:fs');
  const config = existsSync(own) ? (JSON.parse(readFileSync(own, 'utf8')) as Record<string, unknown>) : {};
  const built = await buildWorker({ apis, outDir: join(root, 'dist/worker'), assetsDir: join(root, 'dist/client'), root, config });
  console.log(`Worker: ${relative(root, built.script)} (${Math.round(built.bytes / 1024)} KB) and ${relative(root, built.configPath)}; deploy with npx wrangler deploy -c ${relative(root, built.configPath)}`);
}
