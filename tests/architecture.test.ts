// DESIGN.md's import rules, held over every import under src/: the "may import" table, only
// through a box's index.ts / index.node.ts, Node-only code only where Node runs, Astro and
// Preact only in components/ and pages/, nothing importing pages/, server/ or edge/.
// Unit tests (*.test.ts) are left out: they may reach into their own box's files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, formatViolation, MAY_IMPORT } from './architecture/import-rules.ts';
import { readImports } from './architecture/read-imports.ts';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Imports that break a rule today, each with the work that removes it. The test fails when one
 * is gone (delete it here) as much as when a new one appears. Keep this list empty.
 */
const KNOWN: Record<string, string> = {
  'src/pages/api/proxy/[api]/[...path].ts: "../../../../server/astro-proxy.node.ts": nothing imports server/':
    "astro dev's proxy endpoint reuses the server's wiring until issue 12 item 1 (one proxy, in front of Astro) removes the endpoint",
};

function sourceFiles(): string[] {
  return (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
    .map((f) => `src/${f.split('\\').join('/')}`)
    .filter((f) => /\.(ts|tsx|mts|js|mjs|astro)$/.test(f) && !/\.test\.ts$/.test(f));
}

/** Checks sources given as text, the way the real tree is checked. */
function check(files: Record<string, string>): string[] {
  return checkImports(Object.entries(files).map(([file, text]) => ({ file, imports: readImports(file, text) }))).map(formatViolation);
}

describe('architecture', () => {
  it('every import under src/ is one DESIGN.md allows', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const violations = check(Object.fromEntries(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')])));
    // Known ones are named without their line, so edits above them do not matter.
    const withoutLine = (v: string) => v.replace(/^([^:]+):\d+:/, '$1:');
    const fresh = violations.filter((v) => !(withoutLine(v) in KNOWN));
    expect(fresh, fresh.join('\n')).toEqual([]);
    expect(Object.keys(KNOWN).filter((k) => !violations.map(withoutLine).includes(k)), 'fixed: remove from KNOWN').toEqual([]);
  });

  it('every box of src/ is a box of DESIGN.md', () => {
    const boxes = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(boxes.filter((b) => !(b in MAY_IMPORT))).toEqual([]);
  });

  it('every box with a surface (index.ts) has a snapshot of it (exports.test.ts)', () => {
    const boxes = readdirSync(join(ROOT, 'src')).filter((b) => existsSync(join(ROOT, 'src', b, 'index.ts')));
    expect(boxes.length).toBeGreaterThan(5);
    expect(boxes.filter((b) => !existsSync(join(ROOT, 'src', b, 'exports.test.ts')))).toEqual([]);
  });
});

// The rules themselves, on synthetic files: each must fail, naming file and line.
describe('architecture rules', () => {
  it('fails on a core box reaching into another box it may not import', () => {
    expect(check({ 'src/openapi/bad.ts': "// a bad import\nimport { createProxy } from '../proxy/index.ts';\n" })).toEqual([
      'src/openapi/bad.ts:2: "../proxy/index.ts": openapi/ may not import proxy/ (DESIGN.md: openapi may import no other box)',
    ]);
  });

  it('fails on a deep import past a box index, also as `export … from` and dynamic import()', () => {
    expect(check({
      'src/reference/bad.ts': "export { fromDocument } from '../openapi/normalize.ts';\nconst m = await import('../request/to-url.ts');\n",
    })).toEqual([
      'src/reference/bad.ts:1: "../openapi/normalize.ts": deep import into openapi/: import src/openapi/index.ts (or index.node.ts) instead',
      'src/reference/bad.ts:2: "../request/to-url.ts": deep import into request/: import src/request/index.ts (or index.node.ts) instead',
    ]);
  });

  it('fails on boxes of one level importing each other (snippets, proxy, sandbox; tryit, ai)', () => {
    expect(check({
      'src/sandbox/bad.ts': "import { createProxy } from '../proxy/index.ts';",
      'src/tryit/bad.ts': "import type { Tool } from '../ai/index.ts';",
    })).toEqual([
      'src/sandbox/bad.ts:1: "../proxy/index.ts": sandbox/ may not import proxy/ (DESIGN.md: sandbox may import openapi, request)',
      'src/tryit/bad.ts:1: "../ai/index.ts": tryit/ may not import ai/ (DESIGN.md: tryit may import openapi, request, snippets)',
    ]);
  });

  it('fails on Node-only code outside *.node.ts, server/ and pages/', () => {
    expect(check({
      'src/request/bad.ts': "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nimport { loadApis } from '../openapi/index.node.ts';",
      'src/components/tryit/Bad.tsx': "import { loadApis } from '../../openapi/index.node.ts';",
      'src/components/Bad.astro': "---\nimport { loadApis } from '../openapi/index.node.ts';\n---\n<script>\nimport { loadApis } from '../openapi/index.node.ts';\n</script>\n",
    })).toEqual([
      'src/request/bad.ts:1: "node:fs": Node built-in "node:fs" outside a *.node.ts file, server/ or pages/',
      'src/request/bad.ts:2: "path": Node built-in "path" outside a *.node.ts file, server/ or pages/',
      "src/request/bad.ts:3: \"../openapi/index.node.ts\": Node-only module src/openapi/index.node.ts imported outside a *.node.ts file, server/, pages/ or a component's frontmatter",
      "src/components/tryit/Bad.tsx:1: \"../../openapi/index.node.ts\": Node-only module src/openapi/index.node.ts imported outside a *.node.ts file, server/, pages/ or a component's frontmatter",
      "src/components/Bad.astro:5: \"../openapi/index.node.ts\": Node-only module src/openapi/index.node.ts imported outside a *.node.ts file, server/, pages/ or a component's frontmatter",
    ]);
  });

  it('fails on Astro, Preact or React outside components/ and pages/', () => {
    expect(check({ 'src/tryit/bad.ts': "import { h } from 'preact';\nimport type { APIRoute } from 'astro';\nimport { useState } from 'preact/hooks';" })).toEqual([
      'src/tryit/bad.ts:1: "preact": framework import "preact" outside components/ and pages/',
      'src/tryit/bad.ts:2: "astro": framework import "astro" outside components/ and pages/',
      'src/tryit/bad.ts:3: "preact/hooks": framework import "preact/hooks" outside components/ and pages/',
    ]);
  });

  it('fails on anything importing pages/, server/ or edge/, and on components reaching the proxy or sandbox', () => {
    expect(check({
      'src/pages/api/x.ts': "import { start } from '../../server/start.node.ts';",
      'src/server/x.node.ts': "import { GET } from '../pages/embed/[...file].ts';\nimport { app } from '../edge/index.ts';",
      'src/components/X.astro': "---\nimport { createProxy } from '../proxy/index.ts';\n---\n",
    })).toEqual([
      'src/pages/api/x.ts:1: "../../server/start.node.ts": nothing imports server/',
      'src/server/x.node.ts:1: "../pages/embed/[...file].ts": nothing imports pages/',
      'src/server/x.node.ts:2: "../edge/index.ts": nothing imports edge/',
      'src/components/X.astro:2: "../proxy/index.ts": components/ may not import proxy/ (DESIGN.md: components may import openapi, request, snippets, highlight, reference, tryit, ai, embed)',
    ]);
  });

  it('allows what DESIGN.md allows', () => {
    expect(check({
      'src/reference/ok.ts': "import { toUrl } from '../request/index.ts';\nimport { x } from './own/deep.ts';",
      'src/embed/ok.ts': "import { runProgram } from '../snippets/runtime.ts';",
      'src/reference/ok.node.ts': "import { readFileSync } from 'node:fs';\nimport { loadApis } from '../openapi/index.node.ts';",
      'src/components/Ok.astro': "---\nimport { getSnippets } from '../reference/index.node.ts';\nimport Other from './reference/Other.astro';\n---\n<script>\nimport { x } from '../embed/index.ts';\n</script>",
      'src/server/ok.ts': "import { createServer } from 'node:http';\nimport { createProxy } from '../proxy/index.ts';",
      'src/tryit/ok.ts': "const worker = new URL('.', import.meta.url); // not a module",
    })).toEqual([]);
  });
});
