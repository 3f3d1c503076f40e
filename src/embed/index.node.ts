// Node-only side of the embed box: bundling the browser script and writing each snippet's JSON.
export { buildEmbed, writeEmbed, type EmbedFile } from './build.node.ts';
