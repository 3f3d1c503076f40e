import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import { toTryItProps } from './to-props.ts';

let melancholy: ApiModel;
let melious: ApiModel;
beforeAll(async () => {
  [melancholy, melious] = await Promise.all([loadApi('openapi/melancholy.yaml'), loadApi('openapi/melious.yaml')]);
});
const op = (api: ApiModel, slug: string) => api.operations.find((o) => o.slug === slug)!;

describe('toTryItProps', () => {
  it('points the request at the proxy first, with the spec servers after it', () => {
    const props = toTryItProps(melancholy, op(melancholy, 'create-image'));
    expect(props.servers.map((s) => [s.url, s.proxy])).toEqual([['/api/proxy/melancholy', true], ['https://app.melancholyai.fun/api', false]]);
    expect(props.initial).toMatchObject({ baseUrl: '/api/proxy/melancholy', path: '/v1/images/generations/', auth: { key: '<YOUR_API_KEY>' } });
    expect(props.auth).toMatchObject({ scheme: 'bearerAuth', label: 'Authorization: Bearer …' });
    expect(props.body).toMatchObject({ mediaType: 'application/json', kind: 'json', required: true });
    expect(props.body?.fields?.map((f) => f.name)).toEqual(['prompt', 'model', 'n', 'size', 'response_format']);
    expect(props.media.base64Fields).toEqual({ b64_json: 'image/png' });
    expect(props.validators).toBe('/tryit/melancholy/images.js'); // its group's module (validator-groups.ts)
    expect(props.responseSchemas).toBe('/tryit/melancholy/response-schemas.json');
    expect(props.upstreamEnv).toBe('API_BASE_URL_MELANCHOLY');
  });

  it('carries the streaming variant and the async follow-up', () => {
    const chat = toTryItProps(melancholy, op(melancholy, 'create-chat-completion'));
    expect(chat.streaming).toMatchObject({ stream: true, body: { value: { stream: true } } });
    expect(chat.body?.fields).toBeUndefined();
    const video = toTryItProps(melancholy, op(melancholy, 'create-video-task'));
    expect(video.followUp).toMatchObject({ statusPointer: '/status', done: ['COMPLETED'], failed: ['FAILED'], params: [{ name: 'task_id', in: 'path', pointer: '/task_id' }] });
    expect(video.followUp?.request.baseUrl).toBe('/api/proxy/melancholy');
  });

  it('gives file inputs to a multipart body and stays small', () => {
    const props = toTryItProps(melious, op(melious, 'create-transcription'));
    expect(props.body?.kind).toBe('multipart');
    expect(props.body?.fields?.find((f) => f.name === 'file')).toMatchObject({ control: 'file', required: true });
    const chat = toTryItProps(melious, op(melious, 'create-chat-completion'));
    expect(JSON.stringify(chat).length).toBeLessThan(20_000);
  });
});
