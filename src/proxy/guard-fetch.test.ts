import { describe, expect, it } from 'vitest';
import { guardFetch, spellsPrivateAddress } from './guard-fetch.ts';
import type { FetchLike } from './types.ts';

const init = { method: 'GET', headers: new Headers(), signal: new AbortController().signal, redirect: 'manual' } as const;

describe('guardFetch', () => {
  const seen: string[] = [];
  const inner: FetchLike = async (url) => {
    seen.push(url);
    return new Response('ok');
  };
  const guarded = guardFetch(inner, ['sandbox.internal']);

  it.each([
    'http://127.0.0.1/x', 'http://2130706433/x', 'http://0x7f.1/x', 'http://0177.0.0.1/x', 'http://127.1/x', 'http://[::1]/x',
    'http://[::ffff:127.0.0.1]/x', 'http://169.254.169.254/latest/meta-data', 'http://10.1.2.3/x', 'http://localhost:8080/x',
    'http://api.localhost/x', 'http://metadata.google.internal/x', 'http://printer.local/x', 'http://127.0.0.1.nip.io/x', 'http://app.10-0-0-1.sslip.io/x',
  ])('refuses %s before connecting', async (url) => {
    const before = seen.length;
    await expect(guarded(url, init)).rejects.toMatchObject({ code: 'EPRIVATEADDRESS', message: expect.stringContaining('is a private address') });
    expect(seen.length).toBe(before);
  });

  it('lets public hosts and the hosts it was told to allow through', async () => {
    for (const url of ['https://api.melious.ai/v1/models', 'https://8.8.8.8/x', 'http://sandbox.internal/melious/v1/models', 'https://1-2-3-4.sslip.io/x']) {
      expect(await (await guarded(url, init)).text()).toBe('ok');
    }
    expect(seen.at(-1)).toBe('https://1-2-3-4.sslip.io/x');
  });
});

describe('spellsPrivateAddress', () => {
  it('reads dotted and dashed addresses in any label, and nothing else', () => {
    expect(spellsPrivateAddress('192.168.1.20.nip.io')).toBe(true);
    expect(spellsPrivateAddress('my-app-172-16-0-9.sslip.io')).toBe(true);
    expect(spellsPrivateAddress('203.0.113.9.nip.io')).toBe(false);
    expect(spellsPrivateAddress('v1-2-3-4.example.com')).toBe(false);
    expect(spellsPrivateAddress('api.openai.com')).toBe(false);
  });
});
