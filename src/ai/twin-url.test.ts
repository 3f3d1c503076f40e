import { describe, expect, it } from 'vitest';
import { pageUrlOf, twinUrlOf } from './twin-url.ts';

describe('twin URLs', () => {
  it('puts .md in place of the trailing slash, and index.md for the home page', () => {
    expect(twinUrlOf('/reference/melious/create-chat-completion/')).toBe('/reference/melious/create-chat-completion.md');
    expect(twinUrlOf('/reference/melious/')).toBe('/reference/melious.md');
    expect(twinUrlOf('/start/quickstart')).toBe('/start/quickstart.md');
    expect(twinUrlOf('/')).toBe('/index.md');
    expect(twinUrlOf('/start/quickstart/?x=1#y')).toBe('/start/quickstart.md');
  });

  it('keeps the site base', () => {
    expect(twinUrlOf('/docs/', '/docs/')).toBe('/docs/index.md');
    expect(twinUrlOf('/docs', '/docs/')).toBe('/docs/index.md');
    expect(twinUrlOf('/docs/start/quickstart/', '/docs/')).toBe('/docs/start/quickstart.md');
  });

  it('goes back to the page', () => {
    expect(pageUrlOf('/reference/melious.md')).toBe('/reference/melious/');
    expect(pageUrlOf('/index.md')).toBe('/');
    expect(pageUrlOf('/docs/index.md')).toBe('/docs/');
  });
});
