import { describe, expect, it } from 'vitest';
import type { ApiModel, Operation } from '../openapi/index.ts';
import { VALIDATOR_GROUP_SIZE, validatorGroups } from './validator-groups.ts';

const op = (slug: string, webhook = false): Operation => ({
  slug, method: 'get', path: `/${slug}`, tags: [], deprecated: false, parameters: [], responses: [], security: [], servers: [], webhook,
});
const slugs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function api(tags: Array<[string, string[]]>, webhooks: string[] = []): Pick<ApiModel, 'tags' | 'operations'> {
  const all = new Set(tags.flatMap(([, s]) => s));
  return {
    tags: tags.map(([name, operations]) => ({ name, operations })),
    operations: [...[...all].map((s) => op(s, webhooks.includes(s)))],
  };
}

describe('validatorGroups', () => {
  it('splits a big tag into groups of VALIDATOR_GROUP_SIZE, each operation in exactly one', () => {
    const users = slugs('u', VALIDATOR_GROUP_SIZE * 2 + 3);
    const { groups, byOperation } = validatorGroups(api([['Users', users], ['Mail', ['m-1']]]));
    expect([...groups.keys()]).toEqual(['users', 'users--2', 'users--3', 'mail']);
    expect(groups.get('users--3')).toEqual(users.slice(-3));
    expect([...groups.values()].every((g) => g.length <= VALIDATOR_GROUP_SIZE)).toBe(true);
    expect(byOperation.size).toBe(users.length + 1);
    expect(byOperation.get('u-0')).toBe('users');
    expect(byOperation.get(users.at(-1)!)).toBe('users--3');
  });

  it('an operation in several tags goes with the first; tags whose slugs meet get distinct ids; webhooks get none', () => {
    const { groups, byOperation } = validatorGroups(api([['Users', ['a', 'b']], ['users', ['b', 'c']], ['users 2', ['d', 'hook']]], ['hook']));
    expect(Object.fromEntries(groups)).toEqual({ users: ['a', 'b'], 'users-2': ['c'], 'users-2-2': ['d'] });
    expect(byOperation.has('hook')).toBe(false);
  });

  it('Microsoft Graph-like counts: files grow with operations / group size, not with operations', () => {
    const tags: Array<[string, string[]]> = Array.from({ length: 400 }, (_, t) => [`tag.${t}`, slugs(`t${t}`, t === 0 ? 1483 : 25)]);
    const { groups, byOperation } = validatorGroups(api(tags));
    expect(byOperation.size).toBe(1483 + 399 * 25);
    expect(groups.size).toBe(Math.ceil(1483 / VALIDATOR_GROUP_SIZE) + 399 * Math.ceil(25 / VALIDATOR_GROUP_SIZE));
  });
});
