// x-codeSamples in the model: both extension names, both key shapes, kept as written; the
// spec-wide option; and located errors for what cannot be shown.
import { describe, expect, it } from 'vitest';
import { fromDocument, type OpenApiDocument } from './normalize.ts';
import { SpecError } from './errors.ts';

const source = { id: 't', file: 'openapi/t.yaml' };
const ok = { '200': { description: 'ok' } };
const doc = (operation: object, root: object = {}) =>
  ({ openapi: '3.1.0', info: { title: 'T', version: '1' }, ...root, paths: { '/a': { get: { responses: ok, ...operation } } } }) as unknown as OpenApiDocument;

describe('x-codeSamples', () => {
  it('keeps Redoc’s { lang, label, source } exactly as written, in order', () => {
    const source1 = "curl 'https://api.example.com/a'  \\\n  -H 'x-key: <KEY>'\n";
    const model = fromDocument(doc({ 'x-codeSamples': [{ lang: 'curl', source: source1 }, { lang: 'Python', label: 'Python3 SDK', source: 'import t\n' }] }), source);
    expect(model.operations[0].codeSamples).toEqual([
      { lang: 'curl', label: undefined, source: source1 },
      { lang: 'Python', label: 'Python3 SDK', source: 'import t\n' },
    ]);
    expect(model.generatedSnippets).toBeUndefined();
  });

  it('reads the older x-code-samples and ReadMe’s { language, name, code }', () => {
    const model = fromDocument(doc({ 'x-code-samples': [{ language: 'node', name: 'SDK', code: 'await t()' }] }), source);
    expect(model.operations[0].codeSamples).toEqual([{ lang: 'node', label: 'SDK', source: 'await t()' }]);
  });

  it('an operation without samples has none', () => {
    expect(fromDocument(doc({}), source).operations[0].codeSamples).toBeUndefined();
  });

  it('x-snippets.generated: when-no-samples is a spec-wide option', () => {
    expect(fromDocument(doc({}, { 'x-snippets': { generated: 'when-no-samples' } }), source).generatedSnippets).toBe('when-no-samples');
    expect(fromDocument(doc({}, { 'x-snippets': { generated: 'always' } }), source).generatedSnippets).toBeUndefined();
  });

  it('refuses what cannot be shown, naming the place', () => {
    const fail = (d: OpenApiDocument) => {
      try {
        fromDocument(d, source);
      } catch (error) {
        expect(error).toBeInstanceOf(SpecError);
        return (error as SpecError).message;
      }
      throw new Error('loaded');
    };
    expect(fail(doc({ 'x-codeSamples': { lang: 'curl' } }))).toBe('openapi/t.yaml at /paths/~1a/get/x-codeSamples: x-codeSamples must be a list of { lang, label, source }.');
    expect(fail(doc({ 'x-codeSamples': [{ source: 'x' }] }))).toBe('openapi/t.yaml at /paths/~1a/get/x-codeSamples/0: a code sample needs its language in `lang` (e.g. "curl", "Python").');
    expect(fail(doc({ 'x-codeSamples': [{ lang: 'go' }] }))).toBe('openapi/t.yaml at /paths/~1a/get/x-codeSamples/0: the go code sample needs its code in `source`.');
    expect(fail(doc({}, { 'x-snippets': { generated: 'never' } }))).toBe('openapi/t.yaml at /x-snippets/generated: must be "always" or "when-no-samples", not "never".');
  });
});
