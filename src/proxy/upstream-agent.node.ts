// The keep-alive connection pool to upstreams on Node. DNS answers pointing at private
// addresses are refused unless the host is allowed (a configured sandbox), so a public name
// cannot be rebound onto the LAN after the start-up check.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { isPrivateHost } from './private-host.ts';

export interface UpstreamAgentOptions {
  /** Time to open a TCP/TLS connection. */
  connectTimeoutMs?: number;
  /** Host names allowed to resolve to private addresses. */
  allowPrivateHosts?: Iterable<string>;
}

export function createUpstreamAgent(options: UpstreamAgentOptions = {}): Agent {
  const allowed = new Set([...(options.allowPrivateHosts ?? [])].map((h) => h.toLowerCase()));
  return new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000, lookup: guardedLookup(allowed) },
    // The proxy sets its waiting-for-headers and between-chunks timeouts per request.
    headersTimeout: 0,
    bodyTimeout: 0,
    keepAliveTimeout: 30_000,
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowed: ReadonlySet<string>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      if (!allowed.has(hostname.toLowerCase()) && list.some((a) => isPrivateHost(a.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address; the proxy refuses it`);
        refused.code = 'EPRIVATEADDRESS';
        return callback(refused, '');
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
