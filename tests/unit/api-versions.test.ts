// An API with several versions (openapi/twilio-pricing/v1.json and v2.json, Twilio's published
// specs): loaded as one model per version, each served by the sandbox and allow-listed by the
// proxy under its own id; the switcher's links and the badges come from the changelog.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiModel } from '../../src/openapi/index.ts';
import { SpecError } from '../../src/openapi/errors.ts';
import { loadApis } from '../../src/openapi/load.node.ts';
import { createReferenceUrls, createVersionContexts, operationBadge, versionLinks } from '../../src/reference/index.ts';
import { referenceSidebarGroup } from '../../src/reference/index.node.ts';
import { send, startStack, type Stack } from './proxy-harness.ts';

const urls = createReferenceUrls('/');
const AUTH = { authorization: `Basic ${Buffer.from('AC123:token').toString('base64')}` };
let apis: ApiModel[];
let stack: Stack;

beforeAll(async () => {
  apis = await loadApis('openapi');
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('an API with two versions', () => {
  it('loads one model per version: the newest under the folder’s name, the older under <api>-<version>', () => {
    const twilio = apis.filter((a) => a.versions?.api === 'twilio-pricing').map((a) => [a.id, a.file, a.versions!.version]);
    expect(twilio).toEqual([
      ['twilio-pricing', 'openapi/twilio-pricing/v2.json', 'v2'],
      ['twilio-pricing-v1', 'openapi/twilio-pricing/v1.json', 'v1'],
    ]);
    expect(apis.find((a) => a.id === 'twilio-pricing')!.versions!.all).toEqual([{ version: 'v1', id: 'twilio-pricing-v1' }, { version: 'v2', id: 'twilio-pricing' }]);
    // The site's "API reference" list names the API once.
    expect(referenceSidebarGroup('openapi').items.filter((i) => i.link.includes('twilio'))).toEqual([{ label: 'Twilio - Pricing', link: '/reference/twilio-pricing/' }]);
  });

  it('the switcher stays on the operation where the other version has it, else goes to its overview', () => {
    const contexts = createVersionContexts(apis);
    const models = new Map(apis.map((a) => [a.id, a]));
    const v2 = contexts.get('twilio-pricing')!;
    expect(versionLinks(v2, models, urls, 'twilio-pricing', 'fetch-voice-number')).toEqual([
      { version: 'v2', href: '/reference/twilio-pricing/fetch-voice-number/', current: true, latest: true, hasOperation: true },
      { version: 'v1', href: '/reference/twilio-pricing-v1/fetch-voice-number/', current: false, latest: false, hasOperation: true },
    ]);
    expect(versionLinks(v2, models, urls, 'twilio-pricing', 'list-trunking-country')[1]).toEqual({ version: 'v1', href: '/reference/twilio-pricing-v1/', current: false, latest: false, hasOperation: false });
    const v1 = contexts.get('twilio-pricing-v1')!;
    expect(versionLinks(v1, models, urls, 'twilio-pricing-v1', 'list-messaging-country')[0]).toMatchObject({ version: 'v2', href: '/reference/twilio-pricing/', hasOperation: false });
    expect(operationBadge(v2, 'list-trunking-country')).toEqual({ kind: 'new', text: 'New in v2', breaking: false, anchor: 'v2-list-trunking-country' });
    expect(operationBadge(v2, 'fetch-voice-number')).toMatchObject({ kind: 'changed', text: 'Changed in v2', breaking: true });
    expect(operationBadge(v1, 'fetch-voice-number')).toBeUndefined(); // the oldest has nothing to compare with
  });

  it('the sandbox and the proxy serve each version’s operations, and only those', async () => {
    const v1Only = '/api/proxy/twilio-pricing-v1/v1/Messaging/Countries';
    const inV1 = await send(stack.proxyUrl, 'GET', v1Only, AUTH);
    expect(inV1.status, inV1.text).toBe(200);
    expect(stack.sandboxHits).toContain('/twilio-pricing-v1/v1/Messaging/Countries');
    const inV2 = await send(stack.proxyUrl, 'GET', '/api/proxy/twilio-pricing/v2/Trunking/Countries', AUTH);
    expect(inV2.status, inV2.text).toBe(200);
    // v2 has no Messaging: refused before any upstream sees it.
    const before = stack.sandboxHits.length;
    const notInV2 = await send(stack.proxyUrl, 'GET', '/api/proxy/twilio-pricing/v1/Messaging/Countries', AUTH);
    expect(notInV2.status).toBe(404);
    expect(notInV2.text).toContain('PROXY_UNKNOWN_OPERATION');
    expect(stack.sandboxHits.length).toBe(before);
    const direct = await fetch(`${stack.sandboxUrl}/twilio-pricing/v1/Messaging/Countries`, { headers: AUTH });
    expect(direct.status).toBe(404);
  });

  it('two files that would serve the same id are refused, naming both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'versions-'));
    try {
      mkdirSync(join(dir, 'twilio-pricing'));
      copyFileSync('openapi/twilio-pricing/v1.json', join(dir, 'twilio-pricing', 'v1.json'));
      copyFileSync('openapi/twilio-pricing/v2.json', join(dir, 'twilio-pricing', 'v2.json'));
      copyFileSync('openapi/twilio-pricing/v1.json', join(dir, 'twilio-pricing-v1.json'));
      writeFileSync(join(dir, 'notes.txt'), 'not a spec');
      const error = await loadApis(dir, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecError);
      expect((error as Error).message).toBe('twilio-pricing-v1.json: serves as API "twilio-pricing-v1", like twilio-pricing/v1.json; rename one of them.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
