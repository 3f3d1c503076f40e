// A platform `fetch` that refuses private hosts before connecting. Where the runtime resolves
// DNS itself (workerd, other edges) the proxy never sees the address a name resolves to, so it
// checks what it can see: IP literals in any form the URL parser accepts (`2130706433`,
// `0x7f.1`, `[::ffff:127.0.0.1]`), loopback and internal names, and public wildcard-DNS
// names that spell a private address (`127.0.0.1.nip.io`, `10-0-0-1.sslip.io`).
import { isPrivateHost } from './private-host.ts';
import type { FetchLike } from './types.ts';

/** The error a refused host fails with; the core reports it as PROXY_UPSTREAM_UNREACHABLE with this code. */
export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(host: string) {
    super(`${host} is a private address; the proxy refuses it`);
    this.name = 'PrivateAddressError';
  }
}

export function guardFetch(fetch: FetchLike, allowPrivateHosts: Iterable<string> = []): FetchLike {
  const allowed = new Set([...allowPrivateHosts].map((h) => h.toLowerCase()));
  return (url, init) => {
    const host = new URL(url).hostname.toLowerCase();
    if (!allowed.has(host) && (isPrivateHost(host) || spellsPrivateAddress(host))) return Promise.reject(new PrivateAddressError(host));
    return fetch(url, init);
  };
}

/** `127.0.0.1.nip.io`, `app.10-0-0-1.sslip.io`: a name whose labels spell a private IPv4. */
export function spellsPrivateAddress(host: string): boolean {
  const dotted = /(?:^|\.)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\./.exec(host + '.');
  if (dotted && isPrivateHost(dotted[1])) return true;
  for (const label of host.split('.')) {
    const dashed = /^(?:.*-)?(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})$/.exec(label);
    if (dashed && isPrivateHost(dashed.slice(1).join('.'))) return true;
  }
  return false;
}
