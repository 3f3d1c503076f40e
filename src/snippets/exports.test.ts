import { describe, expect, it } from 'vitest';
import * as request from '../request/index.ts';
import * as snippets from './index.ts';

// The public surface of the two boxes: an accidental export shows up here in review.
describe('public surface', () => {
  it('src/snippets', () => {
    expect(Object.keys(snippets).sort()).toEqual([
      'COMPILE_OPTIONS', 'GENERATED_GROUP', 'SnippetError', 'camelizeKeys', 'compileSnippets', 'createCompiler', 'createRegistry',
      'fromPrecompiled', 'getSnippet', 'grammars', 'helpers', 'kebabToCamel', 'languageOf', 'parseConfig', 'precompileSnippets',
      'registerHelpers', 'renderRequest', 'renderSnippet', 'sdkCallOf', 'toJavaScript', 'toJson', 'toPython', 'toRequestView',
      'toShell', 'toStringLiteral',
    ]);
  });

  it('src/request', () => {
    expect(Object.keys(request).sort()).toEqual([
      'KEY_PLACEHOLDER', 'RequestError', 'SANDBOX_HEADER', 'authFor', 'describeOperation', 'exampleFromSchema', 'fileNameFor', 'followUpOf', 'fromOperation',
      'isJson', 'responseOf', 'streams', 'toFetchRequest', 'toHeaderPairs', 'toPath', 'toQueryString', 'toUrl',
    ]);
  });
});
