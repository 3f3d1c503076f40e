import { expect, it } from 'vitest';
import { fromBase64, toBase64 } from './base64.ts';

it('round-trips every byte value, across the 32 KiB slices', () => {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
  const text = toBase64(bytes);
  expect(text).toBe(Buffer.from(bytes).toString('base64'));
  expect(fromBase64(text)).toEqual(bytes);
  expect(toBase64(new Uint8Array())).toBe('');
});
