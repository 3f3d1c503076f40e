// Browser entry (bundled by ajv-runtime.node.ts as the `compile` helper): the request validators
// of a group whose named schemas reach too far for build-time code (compile-validators.ts). Its
// module hands over the operations' own schemas; the named ones come from the API's
// response-schemas.json, which the response check fetches too (one download, then the cache).
import { createAjv, type AjvComponents } from './ajv-setup.ts';
import type { Validate, ValidatorModule } from './check-response.ts';

export interface GroupSchemas {
  /** Operation slug → its params schema and body schema (as toAjvSchema writes them). */
  [slug: string]: { params: unknown; body?: unknown };
}

const instances = new Map<string, Promise<ReturnType<typeof createAjv>>>();

/** Compiles a group's validators against the named schemas at `componentsUrl` (fetched once per page). */
export default async function compileGroup(componentsUrl: string, group: GroupSchemas): Promise<Record<string, ValidatorModule>> {
  let ajv = instances.get(componentsUrl);
  if (!ajv) {
    ajv = fetch(componentsUrl).then(async (response) => {
      if (!response.ok) throw new Error(`${componentsUrl}: ${response.status}`);
      return createAjv(((await response.json()) as { components: AjvComponents }).components);
    });
    instances.set(componentsUrl, ajv);
    ajv.catch(() => instances.delete(componentsUrl));
  }
  const instance = await ajv;
  // Compiled on first use: a reader who never types into a body never pays for its schema.
  const lazy = (schema: unknown): Validate => {
    let compiled: Validate | undefined;
    const validate = ((data: unknown) => {
      compiled ??= instance.compile(schema as object) as Validate;
      const ok = compiled(data);
      validate.errors = compiled.errors;
      return ok;
    }) as Validate;
    return validate;
  };
  const out: Record<string, ValidatorModule> = {};
  for (const [slug, { params, body }] of Object.entries(group)) out[slug] = { params: lazy(params), ...(body === undefined ? {} : { body: lazy(body) }) };
  return out;
}
