import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createRegistry, type SnippetRegistry, type SourceFile } from './registry.ts';

/** Reads a `snippets/` folder (paths in errors are relative to `cwd`). */
export function loadSnippets(dir = 'snippets', cwd = process.cwd()): SnippetRegistry {
  const absolute = join(cwd, dir);
  const files: SourceFile[] = [];
  for (const entry of readdirSync(absolute, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.push({ path: relative(cwd, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
  }
  return createRegistry(files, relative(cwd, absolute).split(sep).join('/'));
}
