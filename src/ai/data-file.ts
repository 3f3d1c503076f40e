// What the build writes to DATA_FILE: the AI data without the twins' Markdown (each twin is
// its own .md file in the static output), and how a server reads a twin back.
import type { AiData, AiDataFile, TwinEntry } from './types.ts';

export function toDataFile(data: AiData, base: string): AiDataFile {
  return { ...data, base, twins: data.twins.map(({ markdown: _markdown, ...twin }) => twin) };
}

/** `/docs/reference/x.md` under base `/docs/` → `reference/x.md`: the twin's file in the static output. */
export function twinFile(twin: TwinEntry, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!twin.url.startsWith(prefix)) throw new Error(`Twin ${twin.url} is not under the site's base ${prefix}.`);
  return twin.url.slice(prefix.length);
}
