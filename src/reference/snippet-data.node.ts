// The snippet registry of `<cwd>/snippets/`, loaded and compiled once per build.
import { compileSnippets, type CompiledSnippets, type SnippetRegistry } from '../snippets/index.ts';
import { loadSnippets } from '../snippets/index.node.ts';

let cached: { registry: SnippetRegistry; compiled: CompiledSnippets } | undefined;

export function getSnippets(dir = 'snippets'): { registry: SnippetRegistry; compiled: CompiledSnippets } {
  if (!cached) {
    const registry = loadSnippets(dir, process.cwd());
    cached = { registry, compiled: compileSnippets(registry) };
  }
  return cached;
}
