import { describe, expect, it } from 'vitest';
import * as request from '../request/index.ts';
import * as snippets from './index.ts';
import * as runtime from './runtime.ts';

// The public surface of the two boxes: an accidental export shows up here in review.
describe('public surface', () => {
  it('src/snippets', () => {
    expect(Object.keys(snippets).sort()).toEqual([
      'COMPILE_OPTIONS', 'GENERATED_GROUP', 'MissingValueError', 'SnippetError', 'camelizeKeys', 'compileSnippets', 'createCompiler',
      'createRegistry', 'escapeHtml', 'fromSnippetPrograms', 'getSnippet', 'grammars', 'helpers', 'kebabToCamel', 'languageOf', 'parseConfig',
      'piecesToText', 'registerHelpers', 'renderRequest', 'renderSnippet', 'runProgram', 'sdkCallOf', 'toJavaScript', 'toJson',
      'toProgram', 'toPython', 'toRequestView', 'toShell', 'toSnippetPrograms', 'toStringLiteral',
    ]);
  });

  it('src/snippets/runtime.ts (the browser part; index.ts exports the same)', () => {
    const names = Object.keys(runtime).sort();
    expect(names).toEqual(['GENERATED_GROUP', 'MissingValueError', 'escapeHtml', 'fromSnippetPrograms', 'helpers', 'piecesToText', 'renderRequest', 'runProgram']);
    for (const name of names) expect(snippets[name as keyof typeof snippets], name).toBe(runtime[name as keyof typeof runtime]);
  });

  it('src/request', () => {
    expect(Object.keys(request).sort()).toEqual([
      'KEY_PLACEHOLDER', 'RequestError', 'SANDBOX_HEADER', 'authFor', 'describeOperation', 'exampleFromSchema', 'fileNameFor', 'followUpOf', 'fromOperation',
      'isJson', 'responseOf', 'streams', 'toFetchRequest', 'toHeaderPairs', 'toPath', 'toQueryString', 'toUrl',
    ]);
  });
});
