// Shared by the AI routes (not a route: Astro skips `_` files). The guides come from the
// content collection, the same data Starlight renders, never from the built HTML.
import { getCollection } from 'astro:content';
import type { AiData, GuideSource } from '../ai/index.ts';
import { getAiData } from '../ai/index.node.ts';
import { SITE } from '../components/site/site-config.ts';

export async function aiData(): Promise<AiData> {
  const entries = await getCollection('docs');
  const guides: GuideSource[] = entries.map((e) => ({
    id: e.id,
    file: e.filePath ?? `docs/${e.id}.mdx`,
    title: e.data.title,
    description: e.data.description,
    order: e.data.sidebar?.order,
    hero: e.data.hero ? { tagline: e.data.hero.tagline, actions: e.data.hero.actions?.map((a) => ({ text: a.text, link: a.link })) } : undefined,
    body: e.body ?? '',
  }));
  // The landing's title, description and hero live in site.config.json (the route middleware
  // puts them on the page); its twin and llms.txt say the same.
  const home = guides.find((g) => g.id === 'index');
  if (home) {
    home.title = SITE.landing.title;
    home.description = SITE.description;
    home.hero = { tagline: SITE.landing.tagline, actions: SITE.landing.actions.map((a) => ({ text: a.text, link: a.link })) };
  }
  return getAiData(guides, { url: siteUrl(), base: import.meta.env.BASE_URL });
}

/** Origin + base without a trailing slash, from astro.config's `site`: `http://127.0.0.1:4321`. */
export function siteUrl(): string {
  return new URL(import.meta.env.BASE_URL, import.meta.env.SITE ?? 'http://localhost').href.replace(/\/+$/, '');
}

export function markdownResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
}

export function textResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
