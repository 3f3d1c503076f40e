// Node-only side of the openapi box: reading specs from disk (parsed once per build when cached).
export { loadApis, apiId, versionFiles } from './load.node.ts';
export { loadApisCached, specsDir } from './load-cached.node.ts';
