// Build time: bundles the helpers Ajv's standalone validators import into one browser module.
import { build } from 'esbuild';
import { RUNTIME_ENTRY } from './compile-validators.ts';

export async function buildAjvRuntime(resolveDir = process.cwd()): Promise<string> {
  const result = await build({
    stdin: { contents: RUNTIME_ENTRY, resolveDir, loader: 'js' },
    bundle: true, format: 'esm', minify: true, write: false, platform: 'browser', target: 'es2022', logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
