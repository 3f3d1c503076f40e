// What a snippet run must print, read from the spec's own examples (the sandbox answers
// with them), and how hand-written payloads are pointed at the sandbox.
import type { ApiModel, Operation } from '../../src/openapi/index.ts';
import { followUpOf } from '../../src/request/index.ts';

/** Text each hand-written snippet prints when it ran against the sandbox. */
export const HAND_WRITTEN_EXPECTATIONS: Record<string, string> = {
  'melious.chat-completion': 'Hamburg, Lübeck, Bremen.',
  'melious.chat-streaming': 'Hamburg',
  'melious.image-generation': 'Saved image.png (',
  'melious.embeddings': '4 dimensions, starting [0.0123',
  'melancholy.chat-completion': "I'm doing well, thanks for asking!",
  'melancholy.chat-streaming': 'Quiet rain on glass,',
  'melancholy.image-generation': 'Saved image.png (',
  'melancholy.video-task': 'Video: https://app.melancholyai.fun/media/videos/',
  'aimlapi.chat-completion': 'short blue wavelengths scatter',
  'aimlapi.chat-streaming': 'Air molecules',
  'aimlapi.image-generation': 'Saved image.png (',
  'aimlapi.embeddings': '4 dimensions, starting [-0.0069',
  'aimlapi.video-task': 'Video: https://cdn.aimlapi.com/kling/files/example_output.mp4',
  // Seed 004 fixture copies (tests/fixtures/seed-snippets).
  'open-ai.chat-completion': 'Assistant: Sunlight is scattered by air molecules',
  'open-ai.embedding': '-0.006929283495992422',
  'kling.create-text-to-video-generation': 'Generation:',
  'kling.fetch-generation': 'Generation:',
};

const ID_LIKE = /(^|_)(id|ids)$|^id$|b64|base64|url|created|^object$|^model$/i;

export function expectedOutput(api: ApiModel, op: Operation, stream: boolean, variant: string, done?: string[]): string[] {
  const sdk = !variant.startsWith('http.');
  if (done && !sdk) return [done[0]];
  const success = op.responses.find((r) => r.status.startsWith('2'));
  // A status operation polled on its own: the sandbox moves the task one state per poll.
  const creator = api.operations.find((o) => o.responses.some((r) => r.links.some((l) => l.operation === op.slug)));
  const statusPointer = creator && followUpOf(api, creator)?.statusPointer;
  if (statusPointer) return [`"${statusPointer.slice(1)}"`];
  if (stream) {
    const sse = success?.content.find((c) => c.type === 'text/event-stream')?.examples[0]?.value;
    const piece = typeof sse === 'string' ? firstDelta(sse) : undefined;
    return piece ? [sdk ? piece : escaped(piece)] : [];
  }
  const media = success?.content.find((c) => c.type.includes('json'));
  const example = media?.examples[0]?.value;
  if (example === undefined) return [];
  if (variant.startsWith('openai.') && /\/chat\/completions$/.test(op.path)) return pick(example, ['choices', '0', 'message', 'content']);
  if (variant.startsWith('anthropic.') && /\/messages$/.test(op.path)) return pick(example, ['content', '0', 'text']);
  const leaf = longestLeaf(example);
  return leaf ? [escaped(leaf)] : [];
}

/** The first non-empty `content`/`text` string in an SSE example's data payloads. */
function firstDelta(stream: string): string | undefined {
  for (const line of stream.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    try {
      const found = findText(JSON.parse(line.slice(6)));
      if (found) return found;
    } catch {
      // not JSON: nothing to look for in it
    }
  }
  return undefined;
}

function findText(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(findText).find(Boolean);
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    if ((key === 'content' || key === 'text') && typeof v === 'string' && v.trim() !== '') return v;
    const nested = findText(v);
    if (nested) return nested;
  }
  return undefined;
}

function pick(value: unknown, path: string[]): string[] {
  const found = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
  return typeof found === 'string' ? [found] : [];
}

function longestLeaf(value: unknown, key = ''): string | undefined {
  if (typeof value === 'string') return ID_LIKE.test(key) || value.length > 300 || value.trim() === '' ? undefined : value;
  if (!value || typeof value !== 'object') return undefined;
  const leaves = Object.entries(value as Record<string, unknown>).map(([k, v]) => longestLeaf(v, Array.isArray(value) ? key : k));
  return leaves.filter((l): l is string => Boolean(l)).sort((a, b) => b.length - a.length)[0];
}

function escaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/** Payload values that start with an API's server URL now start with that API's sandbox mount. */
export function rebase(payload: Record<string, unknown>, apis: ApiModel[], base: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value !== 'string') continue;
    for (const api of apis) {
      const servers = [...api.servers, ...api.operations.flatMap((o) => o.servers)].map((s) => s.url.replace(/\/+$/, ''));
      const server = servers.find((url) => url.startsWith('http') && (value === url || value.startsWith(`${url}/`)));
      if (server) {
        out[key] = `${base}/${api.id}${value.slice(server.length)}`;
        break;
      }
    }
  }
  return out;
}
