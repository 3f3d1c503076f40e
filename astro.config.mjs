// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import { referenceSidebarGroup } from './src/reference/index.node.ts';
import { GUIDE_GROUPS } from './src/ai/guide-groups.ts';
import { SITE } from './src/components/site/site-config.ts';

// SITE_BASE serves the site under a path (`/docs`); API_SPECS_DIR reads the specs from elsewhere than openapi/.
const base = process.env.SITE_BASE || undefined;
const specs = process.env.API_SPECS_DIR || 'openapi';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  base,
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { host: '127.0.0.1', port: 4321 },
  // Stylesheets as cached files, not inlined into every page: inlined, Starlight's and ours
  // weighed 13 KB of each of Microsoft Graph's 14,000 pages (190 MB of dist).
  build: { inlineStylesheets: 'never' },
  // The try-it response check loads Ajv in a worker; prebundling it spares `astro dev` a reload on first use.
  // `assetsInlineLimit: 0`: small page scripts as cached files too (4 KB of every page otherwise).
  vite: { optimizeDeps: { include: ['ajv/dist/2020.js', 'ajv-formats'] }, build: { assetsInlineLimit: 0 } },
  integrations: [
    starlight({
      // The site's name and landing text: site.config.json (the landing hero through routeMiddleware).
      title: SITE.title,
      description: SITE.description,
      lastUpdated: false,
      // The AI page menu beside every title; Starlight's search with its accessible name fixed.
      components: { PageTitle: './src/components/ai/PageTitle.astro', Search: './src/components/site/Search.astro' },
      // A <link> to each page's Markdown twin; the landing hero from site.config.json.
      routeMiddleware: ['./src/components/ai/twin-link.ts', './src/components/site/route-data.ts'],
      sidebar: [
        // Guide groups come from one list the Markdown twins and llms.txt share.
        ...GUIDE_GROUPS.map((g) => ({ label: g.label, items: [{ autogenerate: { directory: `docs/${g.directory}` } }] })),
        // One link per spec in openapi/ to its overview; each reference page has its own API's sidebar.
        referenceSidebarGroup(specs),
      ],
    }),
    mdx(),
    // Starlight's sitemap lists every page; ours leaves out the OAuth redirect page (a utility
    // page with `noindex`, no Markdown twin and nothing to read), so the sitemap lists exactly the
    // pages that have a twin. Starlight adds its own only when none is configured.
    sitemap({ filter: (page) => !new URL(page).pathname.endsWith('/tryit/oauth.callback/') }),
    // The try-it island is written against `react` imports; preact/compat runs it for ~10 KB gzip instead of React's ~70 KB.
    preact({ compat: true }),
  ],
});
