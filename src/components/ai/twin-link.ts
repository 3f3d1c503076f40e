// Starlight route middleware: every page's <head> links its Markdown twin
// (<link rel="alternate" type="text/markdown">), so tools that read the HTML find the twin.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { twinUrlOf } from '../../ai/index.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id === '404') return;
  route.head.push({ tag: 'link', attrs: { rel: 'alternate', type: 'text/markdown', href: twinUrlOf(context.url.pathname, import.meta.env.BASE_URL), title: 'This page as Markdown' } });
});
