import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// Guides live in the top-level `docs/` folder, not Starlight's default `src/content/docs/`.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
