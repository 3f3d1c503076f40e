// Build time: bundles one of the try-it runtime helpers (RUNTIME_HELPERS: those Ajv's standalone
// validators import, and the `compile` helper of groups checked in the browser) into a browser module.
import { build } from 'esbuild';
import { RUNTIME_HELPERS } from './compile-validators.ts';

export async function buildAjvHelper(helper: string, resolveDir = process.cwd()): Promise<string> {
  const entry = RUNTIME_HELPERS[helper];
  if (entry === undefined) throw new Error(`No try-it runtime helper "${helper}"; known: ${Object.keys(RUNTIME_HELPERS).join(', ')}.`);
  const result = await build({
    stdin: { contents: entry, resolveDir, loader: 'js' },
    bundle: true, format: 'esm', minify: true, write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
