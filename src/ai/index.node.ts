// Node-only side of the AI box: the build's AiData computed once per build (pages ask for it
// many times), and the server's reader of DATA_FILE.
import { readFile } from 'node:fs/promises';
import { getReferenceData, getSnippets } from '../reference/index.node.ts';
import { buildAiData } from './build-data.ts';
import { GUIDE_GROUPS } from './guide-groups.ts';
import type { GuideSource } from './guide-twin.ts';
import type { AiData, AiDataFile } from './types.ts';

let cached: { guides: string; apis: unknown; data: Promise<AiData> } | undefined;

/**
 * Every twin and the search index, built once per build from the specs, snippets and these
 * guides; again in `astro dev` when a guide or a spec changes.
 */
export async function getAiData(guides: GuideSource[], site: { url: string; base: string }): Promise<AiData> {
  const reference = await getReferenceData();
  const key = JSON.stringify(guides.map((g) => [g.id, g.title, g.description, g.order, g.body]));
  if (cached?.guides !== key || cached.apis !== reference.apis) {
    const home = guides.find((g) => g.id === 'index');
    cached = {
      guides: key,
      apis: reference.apis,
      data: Promise.resolve().then(() => buildAiData({
        site: { title: home?.title ?? 'API docs', description: home?.description },
        siteUrl: site.url,
        base: site.base,
        guides,
        groups: GUIDE_GROUPS,
        apis: reference.apis.map((a) => a.api),
        versions: reference.versions,
        snippets: getSnippets(),
      })),
    };
  }
  return cached.data;
}

/** Reads DATA_FILE from the build output, with a message that says how to make it. */
export async function readAiData(file: string): Promise<AiDataFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new Error(`No MCP data at ${file}: run npm run build first.`);
  }
  const data = JSON.parse(text) as AiDataFile;
  if (data.version !== 1) throw new Error(`${file}: AI data version ${String(data.version)} is not 1; run npm run build again.`);
  return data;
}
