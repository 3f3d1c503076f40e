import { describe, expect, it } from 'vitest';
import { createSlugRegistry, operationSlug, schemaSlugs, toSlug } from './slug.ts';
import { decodeRefToken, refToPointer, resolveSchema, schemaRefName } from './schema.ts';

describe('slugs', () => {
  it('operationIds of every common style', () => {
    expect(toSlug('createChatCompletion')).toBe('create-chat-completion');
    expect(toSlug('repos/get-content')).toBe('repos-get-content');
    expect(toSlug('GetAccountsAccountBankAccountsId')).toBe('get-accounts-account-bank-accounts-id');
    expect(toSlug('HTTPServerList')).toBe('http-server-list');
    expect(toSlug('list_things')).toBe('list-things');
    expect(toSlug('Café ünïcode')).toBe('cafe-unicode');
  });

  it('paths real specs use (root, OData keys, $count, matrix and semicolons)', () => {
    expect(operationSlug('get', '/')).toBe('get-root');
    expect(operationSlug('get', "/docs('{key}')")).toBe('get-docs-key');
    expect(operationSlug('get', '/docs/$count')).toBe('get-docs-count');
    expect(operationSlug('get', '/regions={region}')).toBe('get-regions-region');
    expect(operationSlug('get', '/synonyms;antonyms')).toBe('get-synonyms-antonyms');
    expect(operationSlug('post', '/x', '***')).toBe('post-x'); // an id with nothing sluggable falls back
  });

  it('repeats are numbered in order', () => {
    const next = createSlugRegistry();
    expect([next('a'), next('a'), next('a-2'), next('a')]).toEqual(['a', 'a-2', 'a-2-2', 'a-3']);
  });

  it('schema slugs are unique even when names collide after slugging', () => {
    expect(schemaSlugs(['ChatMessage', 'chat_message', 'Chat-Message'])).toEqual({ ChatMessage: 'chat-message', chat_message: 'chat-message-2', 'Chat-Message': 'chat-message-3' });
  });
});

describe('refs', () => {
  it('percent-encoded and ~-escaped tokens', () => {
    expect(schemaRefName('#/components/schemas/Foo~1Bar')).toBe('Foo/Bar');
    expect(schemaRefName('#/components/schemas/My%20Schema')).toBe('My Schema');
    expect(schemaRefName('#/components/parameters/x')).toBeUndefined();
    expect(decodeRefToken('100%')).toBe('100%');
    expect(refToPointer('#/paths/~1users~1%7Bid%7D/get')).toBe('/paths/~1users~1{id}/get');
  });

  it('resolveSchema follows chains, lets siblings win and stops on a ref cycle', () => {
    const schemas = { A: { $ref: '#/components/schemas/B' }, B: { type: 'string', description: 'b' }, L: { $ref: '#/components/schemas/L' } };
    expect(resolveSchema(schemas, { $ref: '#/components/schemas/A', description: 'mine' })).toEqual({ type: 'string', description: 'mine' });
    expect(resolveSchema(schemas, { $ref: '#/components/schemas/L' })).toEqual({ $ref: '#/components/schemas/L' });
  });
});
