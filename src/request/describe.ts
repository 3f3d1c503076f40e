import type { ApiModel, Operation } from '../openapi/index.ts';
import { followUpOf } from './follow-up.ts';
import { fromOperation, streams, type RequestOverrides } from './from-operation.ts';
import type { FollowUp, RequestSpec } from './types.ts';
import { isJson } from './body.ts';

/** What the reader gets back, so a snippet knows whether to print JSON, text or save a file. */
export interface ResponseShape {
  kind: 'json' | 'text' | 'binary' | 'none';
  mediaType?: string;
  /** For binary responses: where a snippet saves the body (`speech.wav`). */
  filename?: string;
}

/** Everything the snippets and the try-it console need about one operation, as plain data. */
export interface OperationRequest {
  spec: RequestSpec;
  /** The same request asking for a stream, when the operation can stream and `spec` does not. */
  streaming?: RequestSpec;
  response: ResponseShape;
  followUp?: FollowUp;
}

export function describeOperation(api: ApiModel, op: Operation, overrides: RequestOverrides = {}): OperationRequest {
  const spec = fromOperation(api, op, overrides);
  const streaming = streams(op) && !spec.stream ? fromOperation(api, op, { ...overrides, stream: true }) : undefined;
  return { spec, streaming, response: responseOf(op), followUp: followUpOf(api, op, overrides) };
}

const BINARY_PREFIXES = ['audio/', 'image/', 'video/', 'application/octet-stream', 'application/pdf', 'application/zip'];
const EXTENSIONS: Record<string, string> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'image/png': 'png', 'image/jpeg': 'jpg', 'video/mp4': 'mp4', 'application/pdf': 'pdf' };

export function responseOf(op: Operation): ResponseShape {
  const success = op.responses.find((r) => r.status.startsWith('2')) ?? op.responses.find((r) => r.status === 'default');
  const media = success?.content.find((c) => c.type !== 'text/event-stream');
  if (!media) return { kind: 'none' };
  const type = media.type.toLowerCase();
  if (isJson(type)) return { kind: 'json', mediaType: media.type };
  if (type.startsWith('text/') || /jsonl|ndjson|xml|csv|yaml/.test(type)) return { kind: 'text', mediaType: media.type };
  if (BINARY_PREFIXES.some((p) => type.startsWith(p))) {
    const stem = type.split('/')[0] === 'application' ? 'output' : type.split('/')[0] === 'audio' ? 'speech' : type.split('/')[0];
    return { kind: 'binary', mediaType: media.type, filename: `${stem}.${EXTENSIONS[type] ?? 'bin'}` };
  }
  return { kind: 'text', mediaType: media.type };
}
