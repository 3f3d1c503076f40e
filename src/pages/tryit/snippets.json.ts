import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { APIRoute } from 'astro';

export const prerender = true;

const GENERATED = 'snippets/_generated';

/** The generated-client templates (sources and configs), fetched by the try-it console when the reader opens its code. */
export const GET: APIRoute = () => {
  const files = readdirSync(GENERATED, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return { path: relative(process.cwd(), full).split(sep).join('/'), text: readFileSync(full, 'utf8') };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return new Response(JSON.stringify(files), { headers: { 'content-type': 'application/json' } });
};
