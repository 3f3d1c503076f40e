// fromDocument on small hand-written documents: one behaviour per test.
import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from './normalize.ts';
import { SpecError } from './errors.ts';
import { schemaSlugs } from './slug.ts';

const source = { id: 't', file: 'openapi/t.yaml' };
const doc = (extra: object, version = '3.1.0') => ({ openapi: version, info: { title: 'T', version: '1' }, ...extra }) as unknown as OpenApiDocument;
const ok = { '200': { description: 'ok' } };

describe('fromDocument', () => {
  it('hoists a schema $ref that points into paths, names it by pointer, and keeps it finite', () => {
    const model = fromDocument(doc({
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { self: { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema' } } } } } } } } },
      },
    }), source);
    const name = '~/paths/~1a/get/responses/200/content/application~1json/schema';
    expect(Object.keys(model.schemas)).toEqual([name]);
    expect(model.schemas[name].properties?.self).toEqual({ $ref: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` });
    expect(schemaSlugs([name])).toEqual({ [name]: 'paths-a-get-responses-200-content-application-json-schema' });
  });

  it('OpenAPI 3.0 nullable, boolean exclusive bounds and format byte become 2020-12', () => {
    const model = fromDocument(doc({
      paths: {},
      components: {
        schemas: {
          N: { type: 'string', nullable: true, enum: ['a'] },
          R: { allOf: [{ $ref: '#/components/schemas/N' }], nullable: true },
          X: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false },
          B: { type: 'string', format: 'byte' },
        },
      },
    }, '3.0.3'), source);
    expect(model.schemas.N).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(model.schemas.R.anyOf?.[1]).toEqual({ type: 'null' });
    expect(model.schemas.X).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 1 });
    expect(model.schemas.B.contentEncoding).toBe('base64');
  });

  it('merges path-level parameters, the operation winning; path params are always required', () => {
    const model = fromDocument(doc({
      paths: {
        '/u/{id}': {
          parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }, { name: 'v', in: 'query', description: 'shared', schema: { type: 'string' } }],
          get: { parameters: [{ name: 'v', in: 'query', description: 'own', schema: { type: 'integer' } }], responses: ok },
        },
      },
    }), source);
    const [id, v] = model.operations[0].parameters;
    expect(id).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(v).toMatchObject({ name: 'v', description: 'own', schema: { type: 'integer' } });
  });

  it('security: the operation overrides the root, [] means none, {} means optional', () => {
    const model = fromDocument(doc({
      security: [{ key: [] }],
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
      paths: { '/a': { get: { responses: ok }, post: { security: [], responses: ok }, put: { security: [{}, { key: [] }], responses: ok } } },
    }), source);
    const byMethod = Object.fromEntries(model.operations.map((o) => [o.method, o.security]));
    expect(byMethod).toEqual({ get: [['key']], post: [], put: [[], ['key']] });
    expect(model.securitySchemes.key).toEqual({ kind: 'apiKey', name: 'key', in: 'header', paramName: 'x-api-key', description: undefined });
  });

  it('server variables take their defaults; no servers means "/"', () => {
    const withVars = fromDocument(doc({ servers: [{ url: 'https://{region}.example.com/v{v}', variables: { region: { default: 'eu' }, v: { default: '2' } } }], paths: {} }), source);
    expect(withVars.servers).toEqual([{ url: 'https://eu.example.com/v2', description: undefined }]);
    expect(fromDocument(doc({ paths: {} }), source).servers).toEqual([{ url: '/' }]);
  });

  it('slugs: operationId kebab-cased, else method + path, root path and odd characters handled, repeats numbered', () => {
    const model = fromDocument(doc({
      paths: {
        '/': { get: { responses: ok } },
        "/docs('{key}')": { get: { responses: ok } },
        '/docs/$count': { get: { responses: ok } },
        '/a': { get: { operationId: 'listThings', responses: ok }, post: { operationId: 'list_things', responses: ok } },
      },
    }), source);
    expect(model.operations.map((o) => o.slug)).toEqual(['get-root', 'get-docs-key', 'get-docs-count', 'list-things', 'list-things-2']);
  });

  it('tags: declared order first, untagged operations under "Other" when others are tagged', () => {
    const model = fromDocument(doc({
      tags: [{ name: 'B', description: 'bee' }, { name: 'A' }],
      paths: { '/a': { get: { tags: ['A'], responses: ok } }, '/b': { get: { tags: ['B'], responses: ok } }, '/c': { get: { responses: ok } } },
    }), source);
    expect(model.tags).toEqual([
      { name: 'B', description: 'bee', operations: ['get-b'] },
      { name: 'A', description: undefined, operations: ['get-a'] },
      { name: 'Other', operations: ['get-c'] },
    ]);
  });

  it('refuses Swagger 2.0 and OpenAPI 3.2 with what to do', () => {
    expect(() => fromDocument({ swagger: '2.0' } as unknown as OpenApiDocument, source)).toThrow(SpecError);
    expect(() => fromDocument(doc({ paths: {} }, '3.2.0'), source)).toThrow('OpenAPI 3.2.0 is not supported; write OpenAPI 3.0 or 3.1');
  });
});
