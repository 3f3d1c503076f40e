import { describe, expect, it } from 'vitest';
import { fromDocument, type ApiModel } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';
import { followUpOf, fromOperation, streams, toFetchRequest, toHeaderPairs, toUrl } from './index.ts';

const op = (api: ApiModel, slug: string) => {
  const found = api.operations.find((o) => o.slug === slug);
  if (!found) throw new Error(`no ${slug} in ${api.id}`);
  return found;
};

const tiny = fromDocument({
  openapi: '3.1.0',
  info: { title: 'Tiny', version: '1' },
  servers: [{ url: 'https://tiny.example/api/' }],
  components: {
    securitySchemes: {
      query: { type: 'apiKey', in: 'query', name: 'api_key' },
      session: { type: 'apiKey', in: 'cookie', name: 'sid' },
      basic: { type: 'http', scheme: 'basic' },
    },
  },
  paths: {
    '/items/{item_id}': {
      get: {
        operationId: 'getItem',
        security: [{ query: [] }],
        parameters: [
          { name: 'item_id', in: 'path', required: true, schema: { type: 'string' }, example: 'a b/c' },
          { name: 'tag', in: 'query', required: true, schema: { type: 'array', items: { type: 'string' } }, example: ['x', 'y z'] },
          { name: 'ids', in: 'query', required: true, explode: false, schema: { type: 'array', items: { type: 'integer' } }, example: [1, 2] },
          { name: 'page', in: 'query', schema: { type: 'integer' } },
          { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'ok' } },
      },
    },
    '/upload': {
      post: {
        operationId: 'upload',
        security: [{ session: [] }],
        requestBody: {
          content: {
            'multipart/form-data': {
              schema: { type: 'object', properties: { purpose: { type: 'string' }, file: { type: 'string', contentMediaType: 'audio/mpeg' } } },
              example: { purpose: 'song', file: '<binary>' },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/built': {
      post: {
        operationId: 'built',
        security: [{ basic: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['name', 'tags', 'nested'],
                properties: {
                  name: { type: 'string', default: 'dflt' },
                  tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
                  nested: { type: 'object', properties: { n: { type: 'integer', minimum: 3 } } },
                  optional: { type: 'string' },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
} as never, { id: 'tiny', file: 'tiny.yaml' });

describe('fromOperation', () => {
  it('takes path, query and header values from the examples, encodes the URL, and adds the query key', () => {
    const spec = fromOperation(tiny, op(tiny, 'get-item'), { key: 'k&1' });
    expect(spec.baseUrl).toBe('https://tiny.example/api');
    expect(spec.pathParams).toEqual({ item_id: 'a b/c' });
    expect(spec.query).toEqual([['tag', 'x'], ['tag', 'y z'], ['ids', '1,2']]);
    expect(spec.headers).toEqual([['X-Trace', '<X_TRACE>']]);
    expect(spec.auth).toEqual({ scheme: 'query', in: 'query', name: 'api_key', prefix: '', key: 'k&1' });
    expect(toUrl(spec)).toBe('https://tiny.example/api/items/a%20b%2Fc?tag=x&tag=y%20z&ids=1%2C2&api_key=k%261');
  });

  it('builds a body from the schema when there is no example: required fields, defaults, enums, minimums', () => {
    const spec = fromOperation(tiny, op(tiny, 'built'));
    expect(spec.body).toEqual({ kind: 'json', mediaType: 'application/json', value: { name: 'dflt', tags: ['a'], nested: { n: 3 } } });
    expect(toHeaderPairs(spec)).toEqual([['Authorization', 'Basic <YOUR_API_KEY>'], ['Content-Type', 'application/json']]);
  });

  it('turns binary properties of a multipart example into file parts, and cookie keys into a Cookie header', () => {
    const spec = fromOperation(tiny, op(tiny, 'upload'));
    expect(spec.body).toEqual({
      kind: 'multipart', mediaType: 'multipart/form-data',
      parts: [{ name: 'purpose', value: 'song' }, { name: 'file', filename: 'audio.mp3', contentType: 'audio/mpeg' }],
    });
    expect(toHeaderPairs(spec)).toEqual([['Cookie', 'sid=<YOUR_API_KEY>']]);
  });

  it('names the operation and the known parameters when an override names an unknown one', () => {
    expect(() => fromOperation(tiny, op(tiny, 'get-item'), { pathParams: { id: '1' } }))
      .toThrow('tiny.yaml GET /items/{item_id}: there is no path parameter "id"; the path has {item_id}.');
  });

  it('sends multipart bodies with a file through fetch', async () => {
    const spec = fromOperation(tiny, op(tiny, 'upload'), { key: 's' });
    const body = spec.body;
    if (body?.kind !== 'multipart') throw new Error('expected multipart');
    (body.parts[1] as { data?: string }).data = btoa('ID3');
    const request = toFetchRequest(spec);
    const form = await request.formData();
    expect(form.get('purpose')).toBe('song');
    const file = form.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['audio.mp3', 'audio/mpeg', 'ID3']);
    expect(request.headers.get('cookie')).toBe('sid=s');
  });
});

describe('on the seed specs', async () => {
  const melancholy = await loadApi('openapi/melancholy.yaml');
  const aimlapi = await loadApi('openapi/aimlapi.yaml');

  it('uses the spec example, the server URL and bearer auth', async () => {
    const chat = op(melancholy, 'create-chat-completion');
    const spec = fromOperation(melancholy, chat, { key: 'sk-test' });
    expect(spec).toMatchObject({
      api: 'melancholy', operation: 'create-chat-completion', method: 'POST',
      baseUrl: 'https://app.melancholyai.fun/api', path: '/v1/chat/completions/', stream: false,
      auth: { scheme: 'bearerAuth', in: 'header', name: 'Authorization', prefix: 'Bearer ', key: 'sk-test' },
    });
    const request = toFetchRequest(spec);
    expect(request.url).toBe('https://app.melancholyai.fun/api/v1/chat/completions/');
    expect(request.headers.get('authorization')).toBe('Bearer sk-test');
    expect(await request.json()).toEqual({ model: 'qwen3-max', messages: [{ role: 'user', content: 'Hello, how are you?' }] });
  });

  it('sets stream in the body and the flag together', () => {
    const chat = op(aimlapi, 'create-chat-completion');
    expect(streams(chat)).toBe(true);
    const spec = fromOperation(aimlapi, chat, { stream: true });
    expect(spec.stream).toBe(true);
    expect(spec.body?.kind === 'json' && (spec.body.value as Record<string, unknown>).stream).toBe(true);
    expect(toHeaderPairs(spec)).toContainEqual(['Accept', 'text/event-stream']);
    expect(fromOperation(aimlapi, op(aimlapi, 'create-embedding'), { stream: true }).stream).toBe(false);
  });

  it('follows a create operation to its status poll (path parameter)', () => {
    const follow = followUpOf(melancholy, op(melancholy, 'create-video-task'), { baseUrl: 'http://127.0.0.1:9' });
    expect(follow).toMatchObject({
      link: 'GetVideoTask', params: [{ name: 'task_id', in: 'path', pointer: '/task_id' }],
      statusPointer: '/status', done: ['COMPLETED'], failed: ['FAILED'],
    });
    expect(toUrl(follow!.request)).toBe('http://127.0.0.1:9/v1/video/generations/<TASK_ID>');
  });

  it('follows a create operation to its status poll (query parameter, lower-case states)', () => {
    const follow = followUpOf(aimlapi, op(aimlapi, 'create-kling-video-generation'));
    expect(follow).toMatchObject({ params: [{ name: 'generation_id', in: 'query', pointer: '/id' }], statusPointer: '/status', done: ['completed'] });
    expect(follow!.request.query).toEqual([]);
    expect(followUpOf(aimlapi, op(aimlapi, 'create-embedding'))).toBeUndefined();
  });
});

describe('form bodies', () => {
  it('encodes an urlencoded example with brackets for nested values', async () => {
    const { toFormText } = await import('./body.ts');
    expect(toFormText({ amount: 100, currency: 'eur', metadata: { 'order id': 'a&b' }, expand: ['x', 'y'], none: null })).toBe(
      'amount=100&currency=eur&metadata[order%20id]=a%26b&expand[0]=x&expand[1]=y&none=');
  });
});
