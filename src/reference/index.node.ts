// Node-only side of the reference box: reading specs and snippets from disk once per build.
export { getReferenceData, toIndex, requireApi, requireOperation, type ApiIndex, type ReferenceData } from './reference-data.node.ts';
export { referenceSidebarGroup, type ReferenceGroup } from './sidebar-group.node.ts';
export { getSnippets } from './snippet-data.node.ts';
