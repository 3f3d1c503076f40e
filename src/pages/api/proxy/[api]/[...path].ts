// The try-it proxy as an Astro endpoint, for `astro dev` only. Under `npm start` the proxy's
// node:http handler in front of Astro answers every spelling of these URLs; should one reach
// Astro anyway, a built site answers 404 and never starts a second proxy or sandbox.
import type { APIRoute } from 'astro';

export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
  if (!import.meta.env.DEV) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const { getSiteProxy } = await import('../../../../server/astro-proxy.node.ts');
  const site = await getSiteProxy();
  return site.proxy(request, { clientId: clientAddress });
};
