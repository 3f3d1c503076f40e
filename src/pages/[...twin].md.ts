// Every page's Markdown twin: /a/b/ → /a/b.md, the home page → /index.md (see src/ai/twin-url.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { aiData, markdownResponse } from './_ai-data.ts';

export const getStaticPaths = (async () => {
  const data = await aiData();
  const base = import.meta.env.BASE_URL;
  return data.twins.map((twin) => ({ params: { twin: twin.url.slice(base.length).replace(/\.md$/, '') }, props: { markdown: twin.markdown } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => markdownResponse((props as { markdown: string }).markdown);
