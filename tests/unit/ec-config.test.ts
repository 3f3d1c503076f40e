// Guides' code blocks (Expressive Code, through Starlight) must colour the same code the same way
// on a busy machine (issue 11: three guide pages differed between an idle and a busy build).
// A clock that jumps a second between reads is what a descheduled build sees.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpressiveCode, pluginShiki } from '@astrojs/starlight/expressive-code';
import ecConfig from '../../ec.config.mjs';

const CODE = [
  "import OpenAI from 'openai';",
  "const client = new OpenAI({ apiKey: process.env.MELIOUS_API_KEY, baseURL: 'https://api.melious.ai/v1' });",
  "const stream = await client.chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: 'Hi' }] });",
  'for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? "");',
].join('\n');

async function render(shiki: Parameters<typeof pluginShiki>[0]): Promise<string> {
  const ec = new ExpressiveCode({ plugins: [pluginShiki(shiki)] });
  const { renderedGroupAst } = await ec.render({ code: CODE, language: 'js' });
  return JSON.stringify(renderedGroupAst);
}

// The options ec.config.mjs gives Expressive Code's Shiki plugin (an object, not `false`).
const configured = typeof ecConfig.shiki === 'object' ? ecConfig.shiki : undefined;

const jumpingClock = () => {
  let now = Date.now();
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
};

describe('ec.config.mjs: guide code blocks do not depend on the clock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('renders the same block when every clock read is a second later', async () => {
    expect(configured?.transformers).toHaveLength(1);
    const calm = await render(configured);
    jumpingClock();
    expect(await render(configured)).toEqual(calm);
  });

  it("(control) Expressive Code's default colours the same block differently under that clock", async () => {
    const calm = await render({});
    jumpingClock();
    expect(await render({})).not.toEqual(calm);
  });
});
