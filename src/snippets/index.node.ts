// Node-only side of the snippets box: reading snippets/ from disk into a registry.
export { loadSnippets } from './registry.node.ts';
