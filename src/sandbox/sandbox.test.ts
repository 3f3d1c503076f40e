import { describe, expect, it } from 'vitest';
import type { ApiModel, JsonSchema } from '../openapi/index.ts';
import { fromBase64 } from '../request/index.ts';
import { createSandbox } from './create-sandbox.ts';
import { generateValue } from './response-example.ts';
import { toSseEvents } from './sse.ts';

describe('generateValue', () => {
  it('stops on $ref cycles and fills every property', () => {
    const schemas: Record<string, JsonSchema> = {
      Node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' }, at: { type: 'string', format: 'date-time' } } },
    };
    expect(generateValue(schemas, { $ref: '#/components/schemas/Node' })).toEqual({ name: 'string', at: '2025-01-01T00:00:00Z' });
  });

  it('puts a real PNG in base64 image fields', () => {
    const value = generateValue({}, { type: 'string', contentEncoding: 'base64', contentMediaType: 'image/png' }) as string;
    expect([...fromBase64(value).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});

describe('toSseEvents', () => {
  it('cuts an example stream into events, whatever its line endings', () => {
    expect(toSseEvents('data: {"a":1}\r\n\r\nevent: end\r\ndata: x\r\n\r\n\r\ndata: [DONE]', () => ({}))).toEqual(['data: {"a":1}\n\n', 'event: end\ndata: x\n\n', 'data: [DONE]\n\n']);
  });

  it('generates one event from the chunk schema when there is no example', () => {
    expect(toSseEvents(undefined, () => ({ n: 1 }))).toEqual(['data: {"n":1}\n\n']);
  });
});

describe('createSandbox', () => {
  const api: ApiModel = {
    id: 'tiny', file: 'tiny.yaml', openapi: '3.1.0', title: 'Tiny', version: '1', tags: [], servers: [], securitySchemes: {},
    schemas: { Job: { type: 'object', required: ['id', 'state'], properties: { id: { type: 'string' }, state: { type: 'string' } } } },
    operations: [
      {
        slug: 'upload', method: 'post', path: '/upload', tags: [], deprecated: false, parameters: [], security: [], servers: [], webhook: false,
        requestBody: { required: true, content: [{ type: 'multipart/form-data', examples: [], schema: { type: 'object', required: ['file', 'count'], properties: { file: { type: 'string', format: 'binary' }, count: { type: 'integer', maximum: 3 } } } }] },
        responses: [{ status: '201', description: '', headers: [], links: [], content: [{ type: 'application/json', examples: [], schema: { $ref: '#/components/schemas/Job' } }] }],
      },
    ],
  };
  const sandbox = createSandbox([api]);

  it('validates form fields with coercion and names the field at fault', async () => {
    const form = (count: string) => {
      const data = new FormData();
      data.append('file', new Blob(['abc']), 'a.txt');
      data.append('count', count);
      return data;
    };
    const ok = await sandbox(new Request('http://s/tiny/upload', { method: 'POST', body: form('2') }));
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ id: 'string', state: 'string' });
    const bad = await sandbox(new Request('http://s/tiny/upload', { method: 'POST', body: form('9') }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: 'SANDBOX_INVALID_REQUEST', message: 'body.count: must be at most 3', details: { field: 'body.count' } } });
  });

  it('asks for the required body', async () => {
    const response = await sandbox(new Request('http://s/tiny/upload', { method: 'POST' }));
    expect((await response.json()).error.message).toBe('body: a request body is required');
  });

  it('lists its APIs at the root and refuses unknown ones', async () => {
    expect(await (await sandbox(new Request('http://s/'))).json()).toEqual({ sandbox: true, apis: [{ id: 'tiny', title: 'Tiny', baseUrl: '/tiny' }] });
    expect((await sandbox(new Request('http://s/nope/x'))).status).toBe(404);
  });
});
