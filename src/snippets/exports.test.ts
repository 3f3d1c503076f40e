import { describe, expect, it } from 'vitest';
import * as snippets from './index.ts';
import * as runtime from './runtime.ts';

// The public surface of the snippets box: an accidental export shows up here in review.
describe('public surface', () => {
  it('src/snippets/index.ts', () => {
    expect(Object.keys(snippets).sort()).toEqual([
      'GENERATED_GROUP', 'MissingValueError', 'OverrideError', 'SnippetError', 'applyOverrides', 'checkableSample', 'compileSnippets', 'escapeHtml', 'fromSnippetPrograms',
      'getSnippet', 'grammars', 'helpers', 'piecesToText', 'pointSampleAt', 'rawUses', 'renderRequest', 'renderSnippet', 'runProgram', 'sampleLanguage', 'toProgram',
      'toSnippetPrograms',
    ]);
  });

  it('src/snippets/runtime.ts (the browser part; index.ts exports the same)', () => {
    const names = Object.keys(runtime).sort();
    expect(names).toEqual(['GENERATED_GROUP', 'MissingValueError', 'OverrideError', 'applyOverrides', 'escapeHtml', 'fromSnippetPrograms', 'helpers', 'piecesToText', 'renderRequest', 'runProgram']);
    for (const name of names) expect(snippets[name as keyof typeof snippets], name).toBe(runtime[name as keyof typeof runtime]);
  });

  it('src/snippets/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual(['loadSnippets']);
  });
});
