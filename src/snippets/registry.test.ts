import { describe, expect, it } from 'vitest';
import { compileSnippets, renderSnippet, SnippetError } from './index.ts';
import { createRegistry, type SourceFile } from './registry.ts';

const files = (entries: Record<string, string>): SourceFile[] => Object.entries(entries).map(([path, text]) => ({ path: `snippets/${path}`, text }));
const config = (payload: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ title: 'T', docs: 'https://docs.example/x', payload, ...extra });
const error = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SnippetError);
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('registry: the seed 004 format', () => {
  const registry = createRegistry(files({
    'open-ai/chat-completion/config.json': config({ baseUrl: 'https://api.example/v1', apiKey: '<YOUR_API_KEY>', model: 'gpt-4o' }),
    'open-ai/chat-completion/js.hbs': "const api = new OpenAI({ baseURL: '{{baseUrl}}', apiKey: '{{apiKey}}' }); // {{model}}",
    'open-ai/chat-completion/python.hbs': 'client = OpenAI(base_url="{{baseUrl}}", api_key={{str apiKey}})',
    'open-ai/chat-completion/README.md': 'notes are ignored',
  }));
  const compiled = compileSnippets(registry);

  it('loads group/name folders with their languages, title, docs and payload variables', () => {
    const snippet = registry.snippets['open-ai.chat-completion'];
    expect(snippet.config).toEqual({ title: 'T', docs: 'https://docs.example/x', payload: { baseUrl: 'https://api.example/v1', apiKey: '<YOUR_API_KEY>', model: 'gpt-4o' }, requires: undefined });
    expect(snippet.templates.map((t) => [t.alias, t.language.id, t.language.grammar, t.variables])).toEqual([
      ['js', 'javascript', 'javascript', ['baseUrl', 'apiKey', 'model']],
      ['python', 'python', 'python', ['baseUrl', 'apiKey']],
    ]);
  });

  it('renders with payload defaults; overrides win and kebab-case keys become camelCase', () => {
    const rendered = renderSnippet(registry, compiled, 'open-ai.chat-completion', { 'base-url': 'http://127.0.0.1:1/v2', apiKey: 'sk-1' });
    expect(rendered.variants.map((v) => [v.key, v.label, v.code])).toEqual([
      ['python', 'Python', 'client = OpenAI(base_url="http://127.0.0.1:1/v2", api_key="sk-1")'],
      ['js', 'JavaScript', "const api = new OpenAI({ baseURL: 'http://127.0.0.1:1/v2', apiKey: 'sk-1' }); // gpt-4o"],
    ]);
    expect(rendered.values.baseUrl).toBe('http://127.0.0.1:1/v2');
  });

  it('knows which variables a template prints without quoting', () => {
    const snippet = registry.snippets['open-ai.chat-completion'];
    expect(snippet.templates.map((t) => t.raw.map((r) => r.name))).toEqual([['baseUrl', 'apiKey', 'model'], ['baseUrl']]);
  });

  it("refuses an override that a seed-style '{{x}}' would print unquoted, naming the template line (issue 12)", () => {
    expect(error(() => renderSnippet(registry, compiled, 'open-ai.chat-completion', { apiKey: "it's" }))).toBe(
      'snippets/open-ai/chat-completion/config.json (override "apiKey"): data-api-key: snippets/open-ai/chat-completion/js.hbs line 1 prints {{apiKey}} ' +
      'without quoting, so its value may hold only letters, digits and . _ : / @ + - (got "it\'s"). The template should write {{str apiKey}} or {{sh apiKey}}.');
  });
  it('reports a variable with no value instead of rendering an empty string', () => {
    const bare = createRegistry(files({ 'g/n/config.json': config({}), 'g/n/py.hbs': 'print("x")\nmodel = "{{model}}"' }));
    expect(error(() => renderSnippet(bare, compileSnippets(bare), 'g.n'))).toBe(
      'snippets/g/n/py.hbs (line 2): {{model}} has no value. Add "model" to "payload" in snippets/g/n/config.json, or pass it when rendering (model="..." on <Snippet>, data-model on the embed).');
    expect(renderSnippet(bare, compileSnippets(bare), 'g.n', { model: 'm' }).variants[0].code).toBe('print("x")\nmodel = "m"');
  });

  it('also reports variables passed to helpers, which strict mode lets through, but not ones under {{#if}}', () => {
    const bare = createRegistry(files({ 'g/n/config.json': config({}), 'g/n/js.hbs': '{{#if docs}}// {{str docs}}\n{{/if}}const key = {{str apiKey}};' }));
    expect(error(() => renderSnippet(bare, compileSnippets(bare), 'g.n'))).toContain('snippets/g/n/js.hbs (line 2): {{apiKey}} has no value.');
    expect(renderSnippet(bare, compileSnippets(bare), 'g.n', { 'api-key': "k'1" }).variants[0].code).toBe('const key = "k\'1";');
  });

  it('names the snippets of the group when a name is unknown', () => {
    expect(error(() => renderSnippet(registry, compiled, 'open-ai.chat'))).toBe('snippets/: no snippet "open-ai.chat"; open-ai has open-ai.chat-completion.');
  });
});

describe('registry errors name the file and the field', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['invalid JSON', { 'g/n/config.json': '{\n  "title": "x",\n}', 'g/n/py.hbs': 'x' }, 'snippets/g/n/config.json (line 3): invalid JSON: '],
    ['unknown field', { 'g/n/config.json': '{"titel": "x"}', 'g/n/py.hbs': 'x' }, 'snippets/g/n/config.json (field "titel"): unknown field; allowed fields are title, docs, payload, requires.'],
    ['bad docs link', { 'g/n/config.json': '{"docs": "docs.example"}', 'g/n/py.hbs': 'x' }, 'snippets/g/n/config.json (field "docs"): must be a link starting with https://, http:// or /, got "docs.example".'],
    ['payload not an object', { 'g/n/config.json': '{"payload": [1]}', 'g/n/py.hbs': 'x' }, 'snippets/g/n/config.json (field "payload"): must be an object of template variables'],
    ['kebab-case variable', { 'g/n/config.json': '{"payload": {"base-url": "x"}}', 'g/n/py.hbs': 'x' }, 'snippets/g/n/config.json (field "payload.base-url"): template variables are camelCase (data-base-url arrives as baseUrl); rename it to "baseUrl".'],
    ['unknown language', { 'g/n/config.json': '{}', 'g/n/code.hbs': 'x' }, 'snippets/g/n/code.hbs: "code" is not a language this site knows; name the file after one of: py, python,'],
    ['not a template', { 'g/n/config.json': '{}', 'g/n/js.txt': 'x' }, 'snippets/g/n/js.txt: only config.json and <language>.hbs files belong in a snippet folder'],
    ['wrong depth', { 'g/template': 'x' }, 'snippets/g/template: snippet files live in snippets/<group>/<name>/'],
    ['not kebab-case', { 'Open_AI/n/py.hbs': 'x' }, 'snippets/Open_AI/n/py.hbs: folder "Open_AI" must be kebab-case'],
    ['no template', { 'g/n/config.json': '{}' }, 'snippets/g/n/config.json: this snippet has no template'],
    ['same language twice', { 'g/n/py.hbs': 'x', 'g/n/python.hbs': 'y' }, 'snippets/g/n/python.hbs: snippets/g/n/py.hbs is the same language (Python); keep one of them.'],
    ['syntax error', { 'g/n/js.hbs': "const a = '{{baseUrl}';\n" }, 'snippets/g/n/js.hbs (line 1): template syntax error:'],
    ['triple-stash trap', { 'g/n/py.hbs': 'x = {"a": {{str a}}}' }, '`}}}` ends a triple-stash'],
    ['unknown helper', { 'g/n/py.hbs': 'line\n{{quote model}}' }, 'snippets/g/n/py.hbs (line 2): unknown helper "quote"; available:'],
  ];
  it.each(cases)('%s', (_, entries, message) => {
    expect(error(() => createRegistry(files(entries)))).toContain(message);
  });
});
