// The real `openai` SDK against openapi/melious.yaml, served by the sandbox over HTTP on
// 127.0.0.1: at the sandbox's base URL and through the proxy, on Node and through the Worker in
// local workerd (its proxy to its own sandbox). The SDK checks status codes, content types,
// SSE framing and the `[DONE]` end itself.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './proxy-harness.ts';

let stack: Stack;
let worker: Stack;
beforeAll(async () => {
  [stack, worker] = await Promise.all([startStack({}, { eventDelayMs: 5 }), startStack({}, { runtime: 'workerd' })]);
});
afterAll(() => Promise.all([stack.close(), worker.close()]));

const clients = {
  sandbox: () => new OpenAI({ apiKey: 'sk-mel-test', baseURL: `${stack.sandboxUrl}/melious/v1`, maxRetries: 0 }),
  'proxy → sandbox': () => new OpenAI({ apiKey: 'sk-mel-test', baseURL: `${stack.proxyUrl}/api/proxy/melious/v1`, maxRetries: 0 }),
  'workerd: proxy → sandbox': () => new OpenAI({ apiKey: 'sk-mel-test', baseURL: `${worker.proxyUrl}/api/proxy/melious/v1`, maxRetries: 0 }),
};

describe.each(Object.entries(clients))('openai SDK via %s', (_name, client) => {
  it('completes a chat completion', async () => {
    const completion = await client().chat.completions.create({ model: 'glm-4.7', messages: [{ role: 'user', content: 'Name three Hanseatic cities.' }] });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0].message.role).toBe('assistant');
    expect(completion.choices[0].message.content).toBeTruthy();
  });

  it('streams a chat completion chunk by chunk to [DONE]', async () => {
    const stream = await client().chat.completions.create({ model: 'glm-4.7', messages: [{ role: 'user', content: 'hi' }], stream: true });
    const chunks: string[] = [];
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      chunks.push(chunk.choices[0]?.delta?.content ?? '');
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join('')).toMatch(/\w/);
    expect(finish).toBe('stop');
  });

  it('generates an image whose b64_json decodes to a PNG', async () => {
    const image = await client().images.generate({ model: 'flux-schnell', prompt: 'A ship at dawn', n: 1, size: '1024x1024' });
    const bytes = Buffer.from(image.data?.[0]?.b64_json ?? '', 'base64');
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('surfaces the API error for a missing field', async () => {
    const error = await client()
      .chat.completions.create({ model: 'glm-4.7' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('body.messages: is required');
  });
});
