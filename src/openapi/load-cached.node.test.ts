import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApisCached } from './load-cached.node.ts';

const dir = mkdtempSync(join(tmpdir(), 'load-cached-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = (title: string) => `openapi: 3.1.0\ninfo:\n  title: ${title}\n  version: "1"\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n          description: ok\n`;

describe('loadApisCached', () => {
  it('loads once while the files stay the same, again when one changes', async () => {
    writeFileSync(join(dir, 'a.yaml'), spec('First'));
    const first = loadApisCached(dir);
    expect(loadApisCached(dir)).toBe(first);
    expect((await first).map((m) => m.title)).toEqual(['First']);
    writeFileSync(join(dir, 'a.yaml'), spec('Second title'));
    utimesSync(join(dir, 'a.yaml'), new Date(), new Date(Date.now() + 5000));
    const second = loadApisCached(dir);
    expect(second).not.toBe(first);
    expect((await second).map((m) => m.title)).toEqual(['Second title']);
  });

  it('a missing folder is no APIs, not an error', async () => {
    expect(await loadApisCached(join(dir, 'nope'))).toEqual([]);
  });
});
