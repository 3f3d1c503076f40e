import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The browser part of the box must not reach the Handlebars compiler (35 KB gzip), whatever
// the bundler's tree-shaking does with a CommonJS package: nothing it imports may load it.
describe('src/snippets/runtime.ts', () => {
  it('bundles without Handlebars', async () => {
    const result = await build({
      entryPoints: ['src/snippets/runtime.ts'], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/snippets/program/run-program.ts');
    expect(inputs.filter((file) => /handlebars|compile\.ts|registry\.ts|to-program\.ts/.test(file))).toEqual([]);
    expect(result.outputFiles[0].text).not.toMatch(/Handlebars/);
  });
});
