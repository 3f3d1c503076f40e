// The embed box: the browser bundle (main.ts, loaded by other sites as /embed/snippets.js) and
// the build-time side that writes what it fetches. Node-only building lives in build.node.ts.
export { PAYLOAD_VERSION, linesToText, type EmbedPayload, type EmbedVariant, type PaletteEntry, type TokenLine } from './payload.ts';
export { toEmbedPayload, embeddableIds } from './to-payload.ts';
export { HOST_CSS } from './styles.ts';
export { EMBED_PREFIX, EMBED_HEADERS, EMBED_PREFLIGHT_HEADERS } from './cross-origin.ts';
