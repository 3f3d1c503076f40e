// Everything under /embed/ (the bundle, its chunks, the snippet JSON) is public, sent without
// credentials and fetched by pages on other origins: a module script and fetch() both need
// CORS, and hosts that isolate themselves (Cross-Origin-Embedder-Policy) must still load it.
// One list for every server of the files: Node's handler, the Worker, the CDN's `_headers`.

export const EMBED_PREFIX = '/embed/';

export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
};

/** The answer to a CORS preflight (`OPTIONS`) under /embed/. */
export const EMBED_PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Max-Age': '86400',
};
