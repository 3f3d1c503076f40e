// Starlight route middleware: the landing page's title, description and hero come from
// site.config.json, the one place an author names the site (the header title too, in
// astro.config.mjs), so no page repeats or contradicts it.
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import type { StarlightIcon } from '@astrojs/starlight/types';
import { SITE } from './site-config.ts';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.id !== '' && route.id !== 'index') return;
  const { landing } = SITE;
  route.entry.data.title = landing.title;
  route.entry.data.description = SITE.description;
  // Frontmatter is parsed before middleware runs: actions take the parsed shape (icon as an object).
  route.entry.data.hero = {
    ...route.entry.data.hero,
    title: landing.title,
    tagline: landing.tagline,
    actions: landing.actions.map(({ icon, variant = 'primary', ...a }) => ({
      ...a,
      variant,
      attrs: {},
      ...(icon === undefined ? {} : { icon: icon.startsWith('<svg') ? { type: 'raw' as const, html: icon } : { type: 'icon' as const, name: icon as StarlightIcon } }),
    })),
  };
  // The <head> was built from the frontmatter before this ran.
  for (const tag of route.head) {
    if (tag.tag === 'title') tag.content = `${landing.title} | ${SITE.title}`;
    else if (tag.attrs?.property === 'og:title') tag.attrs.content = landing.title;
    else if (tag.attrs?.name === 'description' || tag.attrs?.property === 'og:description') tag.attrs.content = SITE.description;
  }
});
