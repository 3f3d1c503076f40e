// Which request-validator module holds an operation. One module per operation made Microsoft
// Graph ship 11,423 files; one per tag would make a reader of Graph's 673-operation
// `groups.site` page fetch every validator of the tag. So: the operations of a tag in groups of
// at most VALIDATOR_GROUP_SIZE (an operation in several tags goes with its first), which also
// lets a group share the code of the named schemas its operations reach.
import type { ApiModel } from '../openapi/index.ts';
import { createSlugRegistry, toSlug } from '../openapi/index.ts';
import type { ValidatorModule } from './check-response.ts';

export const VALIDATOR_GROUP_SIZE = 12;

/** What a group's module exports (compile-validators.ts): each operation's checks by slug. */
export interface ValidatorGroupModule {
  operations: Record<string, ValidatorModule>;
}

export interface ValidatorGroups {
  /** Group id (a file name: `users`, `users--2`) → operation slugs. */
  groups: Map<string, string[]>;
  /** Operation slug → group id. */
  byOperation: Map<string, string>;
}

const cache = new WeakMap<object, ValidatorGroups>();

/** The validator groups of an API; operations with no request to check (webhooks) are in none. */
export function validatorGroups(api: Pick<ApiModel, 'tags' | 'operations'>, size = VALIDATOR_GROUP_SIZE): ValidatorGroups {
  const cached = size === VALIDATOR_GROUP_SIZE ? cache.get(api) : undefined;
  if (cached) return cached;
  const callable = new Set(api.operations.filter((op) => !op.webhook).map((op) => op.slug));
  const groups = new Map<string, string[]>();
  const byOperation = new Map<string, string>();
  const next = createSlugRegistry();
  const place = (name: string, slugs: string[]) => {
    // `--` never occurs in a slug, so `users--2` cannot meet a tag named `users-2`.
    const base = next(toSlug(name) || 'other');
    for (let i = 0; i * size < slugs.length; i++) {
      const id = i === 0 ? base : `${base}--${i + 1}`;
      const part = slugs.slice(i * size, (i + 1) * size);
      groups.set(id, part);
      for (const slug of part) byOperation.set(slug, id);
    }
  };
  for (const tag of api.tags) {
    const own = tag.operations.filter((slug) => callable.has(slug) && !byOperation.has(slug));
    if (own.length > 0) place(tag.name, own);
  }
  // Every operation is in a tag (openapi/tags.ts); any the tags miss still gets a module.
  const rest = [...callable].filter((slug) => !byOperation.has(slug));
  if (rest.length > 0) place('other-operations', rest);
  const result = { groups, byOperation };
  if (size === VALIDATOR_GROUP_SIZE) cache.set(api, result);
  return result;
}
