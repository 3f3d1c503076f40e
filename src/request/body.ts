import type { ApiModel, JsonSchema, MediaType, Operation } from '../openapi/index.ts';
import { isObject, resolveSchema } from '../openapi/index.ts';
import { exampleOfMedia } from './example-value.ts';
import type { JsonValue, MultipartPart, RequestBody } from './types.ts';

const PREFERRED = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/** The request body a snippet shows: the operation's preferred media type with its example. */
export function bodyFor(api: ApiModel, op: Operation, exampleName?: string): RequestBody | undefined {
  const content = op.requestBody?.content ?? [];
  if (content.length === 0) return undefined;
  const media = [...content].sort((a, b) => rank(a.type) - rank(b.type))[0];
  const chosen = exampleName ? media.examples.find((e) => e.name === exampleName) : undefined;
  const value = chosen ? (chosen.value as JsonValue) : exampleOfMedia(api.schemas, media);
  if (media.type === 'multipart/form-data') return { kind: 'multipart', mediaType: media.type, parts: toParts(api, media, value) };
  if (isJson(media.type)) return { kind: 'json', mediaType: media.type, value: value ?? {} };
  if (media.type === 'application/x-www-form-urlencoded') return { kind: 'text', mediaType: media.type, text: toFormText(value) };
  return { kind: 'text', mediaType: media.type, text: typeof value === 'string' ? value : JSON.stringify(value ?? '') };
}

export function isJson(mediaType: string): boolean {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

function rank(type: string): number {
  const i = PREFERRED.indexOf(type);
  return i === -1 ? (isJson(type) ? 0.5 : PREFERRED.length) : i;
}

/** Form fields from an object example; binary properties become files read from disk. */
function toParts(api: ApiModel, media: MediaType, value: JsonValue | undefined): MultipartPart[] {
  const schema = media.schema ? resolveSchema(api.schemas, media.schema) : {};
  const fields = isObject<JsonValue>(value) ? value : {};
  const parts: MultipartPart[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const property = schema.properties?.[name];
    const fileType = property ? fileMediaType(api, property) : undefined;
    if (fileType) {
      parts.push({ name, filename: fileNameFor(name, fileType), contentType: fileType });
      continue;
    }
    for (const item of Array.isArray(field) ? field : [field]) {
      parts.push({ name, value: typeof item === 'string' ? item : JSON.stringify(item) });
    }
  }
  return parts;
}

function fileMediaType(api: ApiModel, raw: JsonSchema): string | undefined {
  const schema = resolveSchema(api.schemas, raw);
  if (typeof schema.contentMediaType === 'string') return schema.contentMediaType;
  if (schema.format === 'binary' || schema.contentEncoding === 'binary') return 'application/octet-stream';
  return undefined;
}

const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3', 'audio/mp3': 'mp3', 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/ogg': 'ogg',
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'video/mp4': 'mp4',
  'application/pdf': 'pdf', 'application/json': 'json', 'application/jsonl': 'jsonl', 'text/plain': 'txt',
};

/** `file` + `audio/mpeg` → `audio.mp3`: a name that tells the reader what to put there. */
export function fileNameFor(field: string, mediaType: string): string {
  const ext = EXTENSIONS[mediaType] ?? 'bin';
  const kind = mediaType.split('/')[0];
  // The name comes from the spec: a file name of its safe characters only, so a snippet never
  // reads a path like ../../.ssh/id_rsa or a name a shell or curl would read as syntax.
  const safe = field.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'file';
  const stem = field === 'file' && ['audio', 'image', 'video'].includes(kind) ? kind : safe;
  return `${stem}.${ext}`;
}

/** `a=1&b[c]=2&d[0]=x`: the bracket form Stripe-style form APIs read for nested values. */
export function toFormText(value: JsonValue | undefined): string {
  const pairs: string[] = [];
  const add = (key: string, v: JsonValue | undefined): void => {
    if (v === undefined) return;
    if (v !== null && typeof v === 'object') {
      for (const [k, inner] of Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v)) add(`${key}[${k}]`, inner);
      return;
    }
    pairs.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v === null ? '' : String(v))}`);
  };
  if (isObject(value)) for (const [k, v] of Object.entries(value)) add(k, v);
  return pairs.join('&');
}
