import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The box's own modules form no import cycle (type-only imports included): compile, variants
// and registry once did (compile → variants → registry → compile).
describe('src/snippets imports', () => {
  it('have no cycle', () => {
    const root = resolve(import.meta.dirname);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const edges = new Map<string, string[]>();
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const targets = [...text.matchAll(/^(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => relative(root, resolve(dirname(join(root, file)), m[1])));
      edges.set(file, targets.filter((t) => files.includes(t)));
    }
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (path.includes(file)) return void cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
    expect(edges.size).toBeGreaterThan(10);
  });
});
