// Node-only side of the reference box: reading specs and snippets from disk once per build.
export { getReferenceData, requireApi, requireOperation, type ApiIndex } from './reference-data.node.ts';
export { referenceSidebarGroup } from './sidebar-group.node.ts';
export { getSnippets } from './snippet-data.node.ts';
