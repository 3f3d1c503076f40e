import { describe, expect, it } from 'vitest';
import { createKeyStore, maskKey, type KeyStorage } from './key-store.ts';

function memory(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('createKeyStore', () => {
  it('keeps the key in the session store unless asked to remember it', () => {
    const session = memory();
    const local = memory();
    const store = createKeyStore('melious', session, local);
    store.write('sk-1', false);
    expect([session.data.get('tryit:key:melious'), local.data.size]).toEqual(['sk-1', 0]);
    expect(createKeyStore('melious', session, local).read()).toEqual({ key: 'sk-1', remembered: false });
    expect(createKeyStore('aimlapi', session, local).read()).toEqual({ key: '', remembered: false });
    store.write('sk-2', true);
    expect(createKeyStore('melious', memory(), local).read()).toEqual({ key: 'sk-2', remembered: true });
    store.write('sk-2', false);
    expect(local.data.size).toBe(0);
    store.forget();
    expect(store.read()).toEqual({ key: '', remembered: false });
  });

  it('survives a storage that throws', () => {
    const broken: KeyStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => {} };
    const store = createKeyStore('x', broken, broken);
    expect(() => store.write('k', true)).not.toThrow();
    expect(store.read()).toEqual({ key: '', remembered: false });
  });
});

describe('maskKey', () => {
  it('hides all but the ends, and leaves placeholders alone', () => {
    expect(maskKey('sk-mel-abcdef123456')).toBe('sk-m•••••••••••3456');
    expect(maskKey('short')).toBe('•••••');
    expect(maskKey('<YOUR_API_KEY>')).toBe('<YOUR_API_KEY>');
    expect(maskKey('sk-mel-abcdef123456')).not.toContain('abcdef');
  });
});
