// Every import a source file makes, with its line: static imports, `export … from`, dynamic
// `import()`, `new URL('./x.ts', import.meta.url)` (workers), and in `.astro` files the
// frontmatter (run at build time) and each `<script>` (run in the browser). TypeScript's own pre-processor finds them, so strings and
// comments that look like imports are not counted.
import ts from 'typescript';
import type { ImportRef } from './import-rules.ts';

/** A module loaded by URL, as a worker is: `new URL('./check.worker.ts', import.meta.url)`. */
const MODULE_URL = /new\s+URL\(\s*(['"])([^'"]+\.(?:ts|tsx|js|mjs))\1\s*,\s*import\.meta\.url\s*\)/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Imports of one script (TS/TSX/JS), lines counted from `firstLine`. */
function scriptImports(code: string, firstLine: number, buildTime = false): ImportRef[] {
  const found: ImportRef[] = ts.preProcessFile(code, true, true).importedFiles.map((ref) => ({
    specifier: ref.fileName,
    line: firstLine + lineAt(code, ref.pos) - 1,
    buildTime,
  }));
  for (const match of code.matchAll(MODULE_URL)) {
    found.push({ specifier: match[2], line: firstLine + lineAt(code, match.index) - 1, buildTime });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The script parts of an `.astro` file: its frontmatter and its `<script>` elements. */
function astroScripts(text: string): Array<{ code: string; firstLine: number; buildTime: boolean }> {
  const parts: Array<{ code: string; firstLine: number; buildTime: boolean }> = [];
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push({ code: front[1], firstLine: lineAt(text, front.index + front[0].indexOf('\n') + 1), buildTime: true });
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[0].indexOf('>') + 1;
    parts.push({ code: match[1], firstLine: lineAt(text, start), buildTime: false });
  }
  return parts;
}

export function readImports(file: string, text: string): ImportRef[] {
  if (file.endsWith('.astro')) return astroScripts(text).flatMap(({ code, firstLine, buildTime }) => scriptImports(code, firstLine, buildTime));
  return scriptImports(text, 1);
}
