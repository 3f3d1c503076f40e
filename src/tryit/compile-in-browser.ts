// Browser entry (bundled by ajv-runtime.node.ts as the `compile` helper): the request validators
// of a group whose named schemas reach too far for build-time code (compile-validators.ts). Its
// module hands over the operations' own schemas and ajv-formats' rules (the shared `formats`
// helper); the named ones come from the API's response-schemas.json, which the response check
// fetches too (one download, then the cache). The checks run on @cfworker/json-schema
// (interpret-schema.ts): no Ajv and no code generated in the browser.
import type { Validate, ValidatorModule } from './check-response.ts';
import { createInterpreter, type FormatDefinitions } from './interpret-schema.ts';

export interface GroupSchemas {
  /** Operation slug → its params schema and body schema (as toAjvSchema writes them). */
  [slug: string]: { params: unknown; body?: unknown };
}

const interpreters = new Map<string, Promise<ReturnType<typeof createInterpreter>>>();

/** The validators of a group, against the named schemas at `componentsUrl` (fetched once per page). */
export default async function compileGroup(componentsUrl: string, group: GroupSchemas, formats: FormatDefinitions): Promise<Record<string, ValidatorModule>> {
  let interpreter = interpreters.get(componentsUrl);
  if (!interpreter) {
    interpreter = fetch(componentsUrl).then(async (response) => {
      if (!response.ok) throw new Error(`${componentsUrl}: ${response.status}`);
      return createInterpreter(((await response.json()) as { components: Record<string, unknown> }).components, formats);
    });
    interpreters.set(componentsUrl, interpreter);
    interpreter.catch(() => interpreters.delete(componentsUrl));
  }
  const interpret = await interpreter;
  // Prepared on first use: a reader who never types into a body never pays for its schema.
  const lazy = (schema: unknown): Validate => {
    let prepared: Validate | undefined;
    const validate = ((data: unknown) => {
      prepared ??= interpret(schema);
      const ok = prepared(data);
      validate.errors = prepared.errors;
      return ok;
    }) as Validate;
    return validate;
  };
  const out: Record<string, ValidatorModule> = {};
  for (const [slug, { params, body }] of Object.entries(group)) out[slug] = { params: lazy(params), ...(body === undefined ? {} : { body: lazy(body) }) };
  return out;
}
