import type { MediaType, Operation, Response as SpecResponse } from '../openapi/index.ts';

export interface ResponseChoice {
  status: number;
  response?: SpecResponse;
  media?: MediaType;
  /** Answer as Server-Sent Events. */
  stream: boolean;
  /** `Prefer: example=<name>`. */
  example?: string;
}

/**
 * Which documented response to send: `Prefer: code=404` when documented, else the first 2xx;
 * which media type: `text/event-stream` when the body asks `stream: true` (or it is the only
 * one), else the first documented type the `Accept` header names, else JSON, else the first.
 */
export function chooseResponse(operation: Operation, request: Request, body: unknown): ResponseChoice {
  const prefer = parsePrefer(request.headers.get('prefer'));
  const responses = operation.responses;
  const response =
    (prefer.code === undefined ? undefined : responses.find((r) => r.status === prefer.code)) ??
    responses.find((r) => /^2/.test(r.status)) ??
    responses.find((r) => r.status === 'default') ??
    responses[0];
  const status = response === undefined || !/^\d/.test(response.status) ? 200 : Number(response.status.replace(/XX$/i, '00'));
  if (response === undefined || response.content.length === 0) return { status, response, stream: false };

  const wantsStream = typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;
  const sse = response.content.find((m) => m.type === 'text/event-stream');
  const others = response.content.filter((m) => m !== sse);
  if (sse !== undefined && (wantsStream || others.length === 0)) return { status, response, media: sse, stream: true, example: prefer.example };
  const accepted = (request.headers.get('accept') ?? '')
    .split(',')
    .map((part) => part.split(';')[0].trim().toLowerCase())
    .filter((type) => type !== '' && type !== '*/*');
  const media =
    others.find((m) => accepted.includes(m.type.toLowerCase())) ??
    others.find((m) => accepted.some((a) => a.endsWith('/*') && m.type.startsWith(a.slice(0, -1)))) ??
    others.find((m) => m.type === 'application/json') ??
    others[0];
  return { status, response, media, stream: false, example: prefer.example };
}

/** RFC 7240 `Prefer: code=404, example=tool_call`. */
function parsePrefer(header: string | null): { code?: string; example?: string } {
  const out: { code?: string; example?: string } = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [key, value] = part.split('=').map((s) => s?.trim().replace(/^"|"$/g, ''));
    if (key === 'code' && value) out.code = value;
    if (key === 'example' && value) out.example = value;
  }
  return out;
}
