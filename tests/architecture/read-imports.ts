// Every import a source file makes, with its line: static imports, `export … from`, dynamic
// `import()`, `new URL('./x.ts', import.meta.url)` (workers), and in `.astro` files the
// frontmatter and each `<script>`. TypeScript's own pre-processor finds them, so strings and
// comments that look like imports are not counted.
import ts from 'typescript';
import type { ImportRef } from './import-rules.ts';

const ASSET_URL = /new\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Imports of one script (TS/TSX/JS), lines counted from `firstLine`. */
function scriptImports(code: string, firstLine: number): ImportRef[] {
  const found = ts.preProcessFile(code, true, true).importedFiles.map((ref) => ({
    specifier: ref.fileName,
    line: firstLine + lineAt(code, ref.pos) - 1,
  }));
  for (const match of code.matchAll(ASSET_URL)) {
    found.push({ specifier: match[2], line: firstLine + lineAt(code, match.index) - 1 });
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The script parts of an `.astro` file: its frontmatter and its `<script>` elements. */
function astroScripts(text: string): Array<{ code: string; firstLine: number }> {
  const parts: Array<{ code: string; firstLine: number }> = [];
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push({ code: front[1], firstLine: lineAt(text, front.index + front[0].indexOf('\n') + 1) });
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[0].indexOf('>') + 1;
    parts.push({ code: match[1], firstLine: lineAt(text, start) });
  }
  return parts;
}

export function readImports(file: string, text: string): ImportRef[] {
  if (file.endsWith('.astro')) return astroScripts(text).flatMap(({ code, firstLine }) => scriptImports(code, firstLine));
  return scriptImports(text, 1);
}
