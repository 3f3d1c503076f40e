// What every check before the body needs, and nothing that costs to build: the method, the
// raw request target, a header lookup and who is calling. A Fetch `Headers` and a small view
// over node's `req.headers` both fit, so the Node handler never builds a Fetch Request.

export interface HeaderSource {
  /** The header's value (lower-case name), or null/undefined when absent. */
  get(name: string): string | null | undefined;
}

export interface RequestHead {
  /** Upper case. */
  method: string;
  /**
   * The request target exactly as received (`/api/proxy/x/a/%2e%2e/b?q`); URL parsing would
   * remove dot segments, so traversal attempts are only visible here. Anything not starting
   * with `/` is an absolute-form target and is refused.
   */
  target: string;
  headers: HeaderSource;
  /** Who is calling, for the per-client limits. */
  clientId: string;
}
