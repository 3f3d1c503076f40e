import { describe, expect, it } from 'vitest';
import { readAnswer, toProxyRequest } from './call-operation.ts';
import type { AiData, OperationEntry } from './types.ts';

const retrieve: OperationEntry = {
  api: 'acme', operationId: 'getThing', slug: 'get-thing', method: 'GET', path: '/v1/things/{id}', tags: ['Things'], deprecated: false, twin: '/reference/acme/get-thing.md', streams: false,
  parameters: [
    { name: 'id', in: 'path', required: true, types: ['string'] },
    { name: 'view', in: 'query', required: false, types: ['string'], enum: ['basic', 'full'] },
    { name: 'X-Trace', in: 'header', required: false, types: ['string'] },
  ],
};
const create: OperationEntry = { ...retrieve, operationId: 'createThing', slug: 'create-thing', method: 'POST', path: '/v1/things', parameters: [], body: { required: true, mediaTypes: ['application/json'] }, streams: true };
const data: AiData = {
  version: 1, site: { title: 'Acme' }, twins: [], search: {},
  apis: [{ id: 'acme', title: 'Acme', version: '1', keyHeaders: ['authorization', 'x-api-key'], twin: '/reference/acme.md', llmsTxt: '/reference/acme/llms.txt' }],
  operations: [retrieve, create],
};
const incoming = new Headers({ authorization: 'Bearer k-1', cookie: 'session=secret', 'x-forwarded-for': '1.2.3.4' });

describe('toProxyRequest', () => {
  it('fills the path, query and declared headers, and copies only the key headers of the MCP request', () => {
    const request = toProxyRequest(data, { api: 'acme', operationId: 'getThing', path: { id: 'a b' }, query: { view: 'full' }, headers: { 'X-Trace': 't1' } }, incoming, '/api/proxy');
    expect(request.method).toBe('GET');
    expect(request.url).toBe('http://mcp.local/api/proxy/acme/v1/things/a%20b?view=full');
    expect(request.headers.get('authorization')).toBe('Bearer k-1');
    expect(request.headers.get('x-trace')).toBe('t1');
    expect(request.headers.get('cookie')).toBeNull();
    expect(request.headers.get('x-forwarded-for')).toBeNull();
  });

  it('sends a JSON body and asks for a stream when the body says stream: true', async () => {
    const request = toProxyRequest(data, { api: 'acme', operationId: 'create-thing', body: { name: 'x', stream: true } }, incoming, '/api/proxy');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('accept')).toBe('text/event-stream');
    expect(await request.json()).toEqual({ name: 'x', stream: true });
  });

  it.each([
    [{ operationId: 'getThing' }, 'path.id is required: getThing is GET /v1/things/{id}.'],
    [{ operationId: 'getThing', path: { id: 'a/b' } }, 'path.id: "a/b" would leave the operation\'s path /v1/things/{id}. Give one path segment, with no "/", "\\" or "..".'],
    [{ operationId: 'getThing', path: { id: '%2e%2e' } }, 'path.id: "%2e%2e" would leave the operation\'s path /v1/things/{id}. Give one path segment, with no "/", "\\" or "..".'],
    [{ operationId: 'getThing', path: { id: '1', other: 2 } }, 'path.other: getThing has no path parameter "other"; its path is /v1/things/{id} (parameters: id).'],
    [{ operationId: 'getThing', path: { id: '1' }, query: { view: 'huge' } }, 'query.view: "huge" is not allowed; use one of "basic", "full".'],
    [{ operationId: 'getThing', path: { id: '1' }, headers: { 'x-api-key': 'k' } }, "headers.x-api-key: keys are never taken from tool arguments. Put the key in your MCP client's configuration as a header of this server (authorization or x-api-key); it is forwarded to the API for each call and not stored."],
    [{ operationId: 'getThing', path: { id: '1' }, body: {} }, 'body: getThing (GET /v1/things/{id}) takes no request body.'],
    [{ operationId: 'createThing' }, 'body is required: createThing (POST /v1/things) takes application/json. describe_operation shows its fields.'],
    [{ operationId: 'getThings' }, 'operationId: the acme API has no operation "getThings". Closest: getThing, createThing. list_operations with api "acme" shows them all.'],
  ])('refuses %j with a message naming the field', (args, message) => {
    expect(() => toProxyRequest(data, { api: 'acme', ...args }, incoming, '/api/proxy')).toThrow(message);
  });
});

describe('readAnswer', () => {
  it('assembles a stream and counts its events', async () => {
    const sse = 'data: {"choices":[{"index":0,"delta":{"content":"Hel"}}]}\n\ndata: {"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const answer = await readAnswer(new Response(sse, { headers: { 'content-type': 'text/event-stream', 'x-sandbox': '1' } }), create, true, ['authorization']);
    expect(answer.text).toBe('POST /v1/things → 200 (sandbox): a stream of 3 events (openai format), ended normally, finish reason stop.\n\nAssembled text:\nHello');
    expect(answer.structured).toMatchObject({ events: 3, text: 'Hello', done: true, sandbox: true });
  });

  it('marks API errors and says how to send a key when none was sent', async () => {
    const answer = await readAnswer(Response.json({ error: { message: 'no key' } }, { status: 401 }), retrieve, false, ['authorization', 'x-api-key']);
    expect(answer.isError).toBe(true);
    expect(answer.text).toContain('No key was sent. Add authorization or x-api-key to the headers of this MCP server');
  });
});
