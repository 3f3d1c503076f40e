import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ApiModel } from './types.ts';
import { loadApis } from './load.node.ts';

/** Where the site's specs live: `openapi/`, or `API_SPECS_DIR` (a test site, a docs repo with another layout). */
export function specsDir(env: Record<string, string | undefined> = process.env): string {
  return env.API_SPECS_DIR?.trim() || 'openapi';
}

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const cache = new Map<string, { signature: string; models: Promise<ApiModel[]> }>();

/**
 * `loadApis(dir)`, shared by every page and component of a build: the specs are parsed and
 * validated once. A spec file added, removed or saved (the dev server) loads them again.
 */
export function loadApisCached(dir = specsDir(), cwd = process.cwd()): Promise<ApiModel[]> {
  const path = resolve(cwd, dir);
  const signature = signatureOf(path);
  const hit = cache.get(path);
  if (hit && hit.signature === signature) return hit.models;
  const models = signature === '' ? Promise.resolve([]) : loadApis(path, cwd);
  cache.set(path, { signature, models });
  return models;
}

function signatureOf(dir: string): string {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort();
  } catch {
    return ''; // no openapi/ folder: no APIs
  }
  // Version folders count too: a version added or saved loads the specs again.
  const folders = readdirSync(dir).filter((f) => statSync(join(dir, f)).isDirectory()).sort();
  const paths = [...files, ...folders.flatMap((d) => readdirSync(join(dir, d)).filter((f) => SPEC_EXTENSIONS.has(extname(f))).sort().map((f) => join(d, f)))];
  return paths.map((f) => {
    const { mtimeMs, size } = statSync(join(dir, f));
    return `${f}:${mtimeMs}:${size}`;
  }).join('|');
}
