// The environment variables that configure one API, named from its id (the spec's file name):
// the proxy and `npm start` read them, the try-it console tells a reader which one to set.

const suffix = (apiId: string) => apiId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/** `melious` → `API_BASE_URL_MELIOUS`; `my-api` → `API_BASE_URL_MY_API`. */
export function upstreamEnvName(apiId: string): string {
  return `API_BASE_URL_${suffix(apiId)}`;
}

/** `API_ALLOW_PRIVATE_<ID>=1` lets a configured upstream live on a private or loopback address. */
export function allowPrivateEnvName(apiId: string): string {
  return `API_ALLOW_PRIVATE_${suffix(apiId)}`;
}
