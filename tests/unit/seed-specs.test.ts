// The seed APIs' specs are complete: every endpoint of seed 001's table, each documented
// well enough for the pages, the sandbox and the snippets to work from the spec alone.
import { describe, expect, it } from 'vitest';
import { loadApis } from '../../src/openapi/load.node.ts';
import type { ApiModel, Operation } from '../../src/openapi/index.ts';

// openapi/ also holds published third-party specs shown as their authors wrote them
// (PlaceKit's x-codeSamples, Twilio Pricing's versions): completeness is asked of ours only.
const SEEDS = ['melious', 'melancholy', 'aimlapi'];
const apis = (await loadApis('openapi')).filter((a) => SEEDS.includes(a.id));
const byId = (id: string): ApiModel => apis.find((a) => a.id === id) ?? expect.fail(`openapi/${id}.yaml is missing`);

// Seed 001's endpoint table (Tools/MCP endpoints are only mentioned there, not described).
const MELIOUS_TABLE = [
  'POST /v1/chat/completions', 'POST /v1/embeddings', 'POST /v1/rerank', 'POST /v1/images/generations',
  'POST /v1/audio/speech', 'POST /v1/audio/transcriptions', 'GET /v1/models', 'GET /v1/models/{id}',
  'POST /v1/messages', 'POST /v1/messages/count_tokens',
  'POST /v1/batches', 'GET /v1/batches', 'GET /v1/batches/{id}', 'POST /v1/batches/{id}/cancel',
  'POST /v1/files', 'GET /v1/files', 'GET /v1/files/{id}', 'GET /v1/files/{id}/content', 'DELETE /v1/files/{id}',
];

const endpoint = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
const hasExample = (op: Operation) =>
  op.responses.some((r) => /^2/.test(r.status) && (r.content.length === 0 || r.content.some((m) => m.examples.length > 0 || m.schema?.format === 'binary')));

describe('openapi/melious.yaml', () => {
  const melious = byId('melious');

  it('documents exactly the endpoints of seed 001', () => {
    expect(melious.operations.map(endpoint).sort()).toEqual([...MELIOUS_TABLE].sort());
  });

  it('groups them by the seed\'s API shapes', () => {
    const tagOf = (e: string) => melious.operations.find((o) => endpoint(o) === e)?.tags[0];
    expect(tagOf('POST /v1/chat/completions')).toMatch(/openai/i);
    expect(tagOf('POST /v1/messages')).toMatch(/anthropic/i);
    expect(tagOf('POST /v1/batches')).toMatch(/batch/i);
  });

  it('accepts both security schemes on every operation', () => {
    const kinds = Object.values(melious.securitySchemes).map((s) => (s.kind === 'apiKey' ? s.paramName.toLowerCase() : s.kind === 'http' ? s.scheme : s.kind));
    expect(kinds.sort()).toEqual(['bearer', 'x-api-key']);
    for (const op of melious.operations) expect(op.security.flat().sort(), op.slug).toEqual(Object.keys(melious.securitySchemes).sort());
  });

  it('streams chat completions and messages as text/event-stream ending like the API does', () => {
    for (const path of ['/v1/chat/completions', '/v1/messages']) {
      const op = melious.operations.find((o) => o.path === path)!;
      const sse = op.responses.find((r) => r.status === '200')?.content.find((m) => m.type === 'text/event-stream');
      expect(sse?.schema, path).toBeDefined();
      expect(String(sse?.examples[0]?.value), path).toMatch(/data: \[DONE\]|event: message_stop/);
    }
  });

  it('carries environment_impact and billing_cost in the inference responses', () => {
    expect(Object.keys(melious.schemas)).toEqual(expect.arrayContaining(['EnvironmentImpact', 'BillingCost']));
  });
});

describe.each(apis.map((a) => [a.id, a] as const))('openapi/%s.yaml', (_id, api) => {
  it.each(api.operations.map((o) => [o.slug, o] as const))('%s is fully documented', (_slug, op) => {
    expect(op.operationId, 'operationId').toBeTruthy();
    expect(op.summary, 'summary').toBeTruthy();
    expect(hasExample(op), 'a 2xx response with an example').toBe(true);
    expect(op.responses.some((r) => /^[45]/.test(r.status)), 'error responses').toBe(true);
  });
});
