// The try-it proxy as an Astro endpoint: a few lines adapting the core. Under `npm start`
// a node:http handler in front of Astro answers these URLs first (see src/server/).
import type { APIRoute } from 'astro';
import { getSiteProxy } from '../../../../server/astro-proxy.node.ts';

export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
  const site = await getSiteProxy();
  return site.proxy(request, { clientId: clientAddress });
};
