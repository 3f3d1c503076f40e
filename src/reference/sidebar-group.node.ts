// For astro.config.mjs: an "API reference" sidebar group linking each spec's overview page,
// read from `openapi/` when the config loads (an API with versions once, with its newest
// version's title). Only titles are read here; the pages load and validate the specs themselves.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { apiId, versionFiles } from '../openapi/index.node.ts';
import { sortVersions } from '../openapi/index.ts';
import { createReferenceUrls } from './urls.ts';

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export interface ReferenceGroup {
  label: string;
  items: Array<{ label: string; link: string }>;
}

export function referenceSidebarGroup(dir = 'openapi', label = 'API reference', base = '/'): ReferenceGroup {
  const urls = createReferenceUrls(base);
  const entries = existsSync(dir) ? readdirSync(dir).sort() : [];
  const items: ReferenceGroup['items'] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const files = versionFiles(path);
      const newest = sortVersions(files.map((f) => basename(f, extname(f)))).at(-1);
      const file = files.find((f) => basename(f, extname(f)) === newest);
      if (file) items.push({ label: titleOf(join(path, file)) ?? apiId(entry), link: urls.overview(apiId(entry)) });
    } else if (SPEC_EXTENSIONS.has(extname(entry))) {
      items.push({ label: titleOf(path) ?? apiId(entry), link: urls.overview(apiId(entry)) });
    }
  }
  return { label, items };
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
