// Swagger 2.0 loads like any 3.x spec: the real petstore of @readme/oas-examples converted,
// and every place the converted document names mapped back to the author's file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { upgrade } from '@scalar/openapi-upgrader';
import { describe, expect, it } from 'vitest';
import { loadApi } from './load.node.ts';
import { fromSwagger } from './from-swagger.ts';
import { toSwaggerPointer } from './swagger-pointer.ts';
import { validateDocument } from './validate.node.ts';
import { SpecError } from './errors.ts';
import { encodePointerToken } from './schema.ts';

const require = createRequire(import.meta.url);
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const PETSTORE = join(examples, '2.0/json/petstore.json');
const source = readFileSync(PETSTORE, 'utf8');
const original = JSON.parse(source) as Record<string, unknown>;

describe('Swagger 2.0', () => {
  it('the petstore loads with every operation, its form and JSON bodies, servers and security', async () => {
    const api = await loadApi(PETSTORE, examples);
    expect(api.convertedFrom).toBe('Swagger 2.0');
    expect(api.openapi).toMatch(/^3\.0\./);
    const written = Object.values(original.paths as Record<string, Record<string, unknown>>).flatMap((item) => Object.keys(item));
    expect(api.operations).toHaveLength(written.length);
    expect(api.servers).toEqual([{ url: 'http://petstore.swagger.io/v2', description: undefined }]);
    const addPet = api.operations.find((o) => o.operationId === 'addPet')!;
    expect(addPet.requestBody?.content.map((c) => c.type)).toEqual(['application/json', 'application/xml']);
    expect(addPet.requestBody?.content[0].schema?.$ref).toBe('#/components/schemas/Pet');
    const form = api.operations.find((o) => o.operationId === 'updatePetWithForm')!;
    expect(form.requestBody?.content[0].type).toBe('application/x-www-form-urlencoded');
    expect(Object.keys(form.requestBody?.content[0].schema?.properties ?? {})).toEqual(['name', 'status']);
    const upload = api.operations.find((o) => o.operationId === 'uploadFile')!;
    expect(upload.requestBody?.content[0].schema?.properties?.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(api.securitySchemes.api_key).toEqual({ kind: 'apiKey', name: 'api_key', in: 'header', paramName: 'api_key', description: undefined });
    const byStatus = api.operations.find((o) => o.operationId === 'findPetsByStatus')!;
    expect(byStatus.parameters[0]).toMatchObject({ name: 'status', in: 'query', style: 'form', explode: true });
    expect(byStatus.parameters[0].schema.items?.enum).toEqual(['available', 'pending', 'sold']);
  });

  it('the conversion leaves the author’s document as it was', () => {
    const copy = structuredClone(original);
    fromSwagger(copy);
    expect(copy).toEqual(original);
  });

  it('converted places map back to what the author wrote', () => {
    const map = (p: string) => toSwaggerPointer(p, original);
    const path = (p: string) => `/paths/${encodePointerToken(p)}`;
    expect(map('/components/schemas/Pet/properties/name')).toBe('/definitions/Pet/properties/name');
    expect(map('/components/securitySchemes/api_key')).toBe('/securityDefinitions/api_key');
    expect(map('/servers/0/url')).toBe('/host');
    // The JSON body came from the `in: body` parameter; its schema refs the author's definition.
    expect(map(`${path('/pet')}/post/requestBody/content/application~1json/schema`)).toBe(`${path('/pet')}/post/parameters/0/schema`);
    // A form field came from its own formData parameter (index 1 and 2 after the path parameter).
    expect(map(`${path('/pet/{petId}')}/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/status`)).toBe(`${path('/pet/{petId}')}/post/parameters/2`);
    // Parameter indexes shift once body parameters move out; the schema was written on the parameter.
    expect(map(`${path('/pet/{petId}')}/post/parameters/0/schema/format`)).toBe(`${path('/pet/{petId}')}/post/parameters/0/format`);
    expect(map(`${path('/pet/findByStatus')}/get/responses/200/content/application~1json/schema/items`)).toBe(`${path('/pet/findByStatus')}/get/responses/200/schema/items`);
    // Into a definition through the author's $ref.
    expect(map(`${path('/pet/{petId}')}/get/responses/200/content/application~1json/schema/properties/status/enum`)).toBe('/definitions/Pet/properties/status/enum');
  });

  it('every place in the converted petstore maps to a place that exists in the original', () => {
    const converted = fromSwagger(original) as unknown as Record<string, unknown>;
    const exists = (p: string) => p.split('/').slice(1).reduce<unknown>((n, t) => (n as Record<string, unknown> | undefined)?.[t.replace(/~1/g, '/').replace(/~0/g, '~')], original) !== undefined;
    const stack: Array<[unknown, string]> = [[converted, '']];
    let checked = 0;
    while (stack.length > 0) {
      const [node, pointer] = stack.pop()!;
      if (pointer !== '') {
        const mapped = toSwaggerPointer(pointer, original);
        expect(mapped === '' || exists(mapped), `${pointer} → ${mapped}`).toBe(true);
        checked++;
      }
      if (typeof node === 'object' && node !== null) for (const [k, v] of Object.entries(node)) stack.push([v, `${pointer}/${encodePointerToken(k)}`]);
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('an error found only after conversion names the author’s file and line', async () => {
    // The converter's raw output for the petstore writes `required: []` into a form schema,
    // which OpenAPI 3.0 forbids (fromSwagger removes it): a real post-conversion finding.
    const raw = upgrade(structuredClone(original), '3.0') as unknown as Record<string, unknown>;
    const error = await validateDocument(raw, source, 'petstore.json', (p) => toSwaggerPointer(p, original)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const { location } = error as SpecError;
    expect(location.pointer).toBe('/paths/~1pet~1{petId}/post/parameters/1');
    // The line of the formData parameter `name` the form schema was made from.
    expect(source.split('\n')[location.line! - 1].trim()).toBe('{');
    expect(source.split('\n')[location.line!]).toContain('"name": "name"');
  });
});
