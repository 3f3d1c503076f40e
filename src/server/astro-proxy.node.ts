// The proxy behind Astro's own endpoint, for `astro dev` only (`npm start` serves the proxy's
// node:http handler in front of Astro). The sandbox gets SANDBOX_PORT when set, else a free port.
import { createSiteProxy, type SiteProxy } from './site-proxy.node.ts';

let pending: Promise<SiteProxy> | undefined;

export function getSiteProxy(): Promise<SiteProxy> {
  pending ??= createSiteProxy({ root: process.cwd(), env: process.env, sandboxPort: Number(process.env.SANDBOX_PORT ?? 0) }).then((site) => {
    for (const line of site.lines) console.log(line);
    return site;
  });
  return pending;
}
