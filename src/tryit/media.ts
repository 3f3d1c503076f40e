// Finds images, audio and video in a JSON response: base64 payloads (recognised by
// their magic bytes or by fields the schema marks `contentEncoding: base64`), data
// URLs, and links whose extension or field name says what they are.

export type MediaKind = 'image' | 'audio' | 'video';

export interface MediaItem {
  kind: MediaKind;
  /** `data:` URL or link, ready for `src`. */
  src: string;
  /** JSON pointer of the value in the response: `/data/0/b64_json`. */
  pointer: string;
  mediaType?: string;
  /** Decoded size of inline data. */
  bytes?: number;
}

export interface MediaHints {
  /** Property names the response schemas mark as base64, with their media type when known. */
  base64Fields?: Record<string, string>;
}

const MAGIC: Array<[string, string]> = [
  ['iVBORw0KGgo', 'image/png'], ['/9j/', 'image/jpeg'], ['R0lGOD', 'image/gif'], ['UklGR', 'image/webp'],
  ['SUQz', 'audio/mpeg'], ['//u', 'audio/mpeg'], ['//s', 'audio/mpeg'], ['T2dnUw', 'audio/ogg'],
];
const EXTENSIONS: Array<[RegExp, MediaKind]> = [
  [/\.(png|jpe?g|gif|webp|avif|svg)$/i, 'image'],
  [/\.(mp4|webm|mov|m4v)$/i, 'video'],
  [/\.(mp3|wav|ogg|oga|m4a|flac|aac|opus)$/i, 'audio'],
];
const MAX_NODES = 20_000;
const MAX_ITEMS = 24;

export function findMedia(value: unknown, hints: MediaHints = {}): MediaItem[] {
  const found: MediaItem[] = [];
  let nodes = 0;
  const walk = (node: unknown, pointer: string, key: string, parent: Record<string, unknown> | undefined) => {
    if (++nodes > MAX_NODES || found.length >= MAX_ITEMS) return;
    if (typeof node === 'string') {
      const item = mediaOfString(node, key, parent, hints);
      if (item) found.push({ ...item, pointer });
      return;
    }
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`, key, undefined));
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [name, child] of Object.entries(record)) walk(child, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, name, record);
    }
  };
  walk(value, '', '', undefined);
  return found;
}

function mediaOfString(text: string, key: string, parent: Record<string, unknown> | undefined, hints: MediaHints): Omit<MediaItem, 'pointer'> | undefined {
  const dataUrl = /^data:((image|audio|video)\/[\w.+-]+);base64,/.exec(text.slice(0, 64));
  if (dataUrl) return { kind: dataUrl[2] as MediaKind, src: text, mediaType: dataUrl[1], bytes: base64Bytes(text.length - dataUrl[0].length, text) };
  if (/^(https?:\/\/|\/)[^\s]+$/.test(text) && text.length < 4096) {
    const path = text.split(/[?#]/)[0];
    const byExtension = EXTENSIONS.find(([re]) => re.test(path))?.[1];
    const kind = byExtension ?? kindOfKey(key) ?? kindOfType(parent?.content_type ?? parent?.mime_type ?? parent?.type);
    return kind ? { kind, src: text } : undefined;
  }
  if (text.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text.slice(0, 256))) return undefined;
  const hinted = hints.base64Fields?.[key];
  const mediaType = MAGIC.find(([prefix]) => text.startsWith(prefix))?.[1] ?? (hinted && hinted !== '' ? hinted : undefined);
  const kind = mediaType ? kindOfType(mediaType) : undefined;
  if (!kind || !mediaType) return undefined;
  return { kind, src: `data:${mediaType};base64,${text}`, mediaType, bytes: base64Bytes(text.length, text) };
}

function kindOfKey(key: string): MediaKind | undefined {
  if (/(^|_)video(_url)?$/i.test(key)) return 'video';
  if (/(^|_)audio(_url)?$/i.test(key)) return 'audio';
  if (/(^|_)image(_url)?$/i.test(key)) return 'image';
  return undefined;
}

function kindOfType(type: unknown): MediaKind | undefined {
  const match = typeof type === 'string' ? /^(image|audio|video)\//.exec(type) : null;
  return match ? (match[1] as MediaKind) : undefined;
}

function base64Bytes(length: number, text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.floor((length * 3) / 4) - padding;
}

/** `1536` → `1.5 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
