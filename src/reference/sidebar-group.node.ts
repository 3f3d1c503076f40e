// For astro.config.mjs: an "API reference" sidebar group linking each spec's overview page,
// read from `openapi/` when the config loads. Only titles are read here; the pages load and
// validate the specs themselves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import { apiId } from '../openapi/index.node.ts';
import { createReferenceUrls } from './urls.ts';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface ReferenceGroup {
  label: string;
  items: Array<{ label: string; link: string }>;
}

export function referenceSidebarGroup(dir = 'openapi', label = 'API reference', base = '/'): ReferenceGroup {
  const urls = createReferenceUrls(base);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort() : [];
  return { label, items: files.map((f) => ({ label: titleOf(join(dir, f)) ?? apiId(f), link: urls.overview(apiId(f)) })) };
}

function titleOf(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const doc = (path.endsWith('.json') ? JSON.parse(text) : parse(text, { maxAliasCount: -1 })) as { info?: { title?: unknown } };
    return typeof doc?.info?.title === 'string' && doc.info.title.trim() !== '' ? doc.info.title : undefined;
  } catch {
    return undefined; // A broken spec fails the build on its own pages, with a located message.
  }
}
