import { describe, expect, it } from 'vitest';
import { compileSnippets, helpers, renderSnippet, type SnippetRegistry } from '../index.ts';
import { COMPILE_OPTIONS, createCompiler } from '../compile.ts';
import { loadSnippets } from '../registry.node.ts';
import { MissingValueError, piecesToText, runProgram } from './run-program.ts';
import { toProgram } from './to-program.ts';

const NAMES = Object.keys(helpers);
const env = createCompiler();

/** Handlebars' own output and the program's, for the same template and context. */
function both(source: string, context: Record<string, unknown>): { handlebars: string; program: string } {
  const handlebars = env.compile(source, COMPILE_OPTIONS)(context);
  const program = piecesToText(runProgram(toProgram(source, 't.hbs', NAMES), context, helpers));
  return { handlebars, program };
}

const same = (source: string, context: Record<string, unknown>) => {
  const { handlebars, program } = both(source, context);
  expect(program).toBe(handlebars);
};

describe('runProgram prints what Handlebars prints', () => {
  it.each([
    ['plain', 'a {{x}} b', { x: 'y' }],
    ['numbers, booleans and null', '{{n}}|{{t}}|{{f}}|{{z}}|{{u}}', { n: 0, t: true, f: false, z: null, u: undefined }],
    ['objects and arrays as strings', '{{o}} {{a}}', { o: { k: 1 }, a: [1, 'b'] }],
    ['dotted paths', '{{poll.seconds}}s', { poll: { seconds: 3 } }],
    ['this', '{{#each list}}[{{this}}]{{/each}}', { list: ['a', 'b'] }],
    ['@index @first @last @key', '{{#each list}}{{@index}}{{@first}}{{@last}},{{/each}}{{#each obj}}{{@key}}={{this}};{{/each}}', { list: [1, 2, 3], obj: { a: 1, b: 2 } }],
    ['parent lookups', '{{#each items}}{{name}}/{{../prefix}} {{/each}}', { prefix: 'p', items: [{ name: 'a' }, { name: 'b' }] }],
    ['@root', '{{#each items}}{{@root.prefix}}{{this}}{{/each}}', { prefix: '>', items: [1, 2] }],
    ['with', '{{#with poll}}{{seconds}}{{else}}none{{/with}}|{{#with missing}}x{{else}}none{{/with}}', { poll: { seconds: 2 }, missing: null }],
    ['if / else if / else', '{{#if a}}A{{else if b}}B{{else}}C{{/if}}', { a: 0, b: '' }],
    ['if on zero with includeZero', '{{#if n includeZero=true}}zero{{/if}}{{#if n}}never{{/if}}', { n: 0 }],
    ['if on an empty array', '{{#if list}}yes{{else}}empty{{/if}}', { list: [] }],
    ['unless', '{{#unless a}}not a{{else}}a{{/unless}}', { a: false }],
    ['each else', '{{#each list}}x{{else}}nothing{{/each}}', { list: [] }],
    ['standalone block lines are dropped', 'start\n{{#if a}}\n  inside\n{{/if}}\nend\n', { a: true }],
    ['whitespace control', 'a  {{~x~}}  b', { x: '-' }],
    ['comments', 'a{{! note }}b{{!-- long }} note --}}c', {}],
    ['escaped mustaches', '\\{{x}} {{x}}', { x: 1 }],
    ['triple stash prints the same as a double one here', '{{{x}}} {{x}}', { x: '<a href="x">&' }],
    ['helpers with hash in written order', '{{js (object b=1 a=2 c=(array 1 "two"))}}', {}],
    ['nested helpers', '{{sh (concat baseUrl "/chat")}} {{str (upper model)}}', { baseUrl: "https://x/'y'", model: 'm"' }],
    ['indentation hash', '  x = {{py body indent=2}}', { body: { a: [1, { b: null }], c: 'd' } }],
    ['eq in a condition', '{{#if (eq kind "binary")}}bin{{else}}text{{/if}}', { kind: 'binary' }],
    ['a missing param reads as nothing', '{{str (concat missing "x")}}', {}],
    ['inherited names read as nothing', '[{{constructor}}]', {}],
    ['leading numbers add up, as Handlebars joins outputs with +', '{{a}}{{b}}{{t}}! {{a}}{{b}}', { a: 1, b: 2, t: true }],
    ['a block that prints numbers adds to the numbers before it', '{{n}}{{#if c}}{{a}}{{b}}{{/if}}{{#each l}}{{this}}{{/each}}.', { n: 1, c: 1, a: 2, b: 3, l: [4, 5] }],
    ['an empty each body still counts as iterations', '{{#each l}}{{else}}none{{/each}}|', { l: [1] }],
  ] as Array<[string, string, Record<string, unknown>]>)('%s', (_, source, context) => same(source, context));

  it('marks which pieces came from {{...}}', () => {
    const pieces = runProgram(toProgram('model = {{str model}}\n{{#if x}}yes {{x}}{{/if}}', 't.hbs', NAMES), { model: 'm', x: 1 }, helpers);
    expect(pieces).toEqual([
      { text: 'model = ', dynamic: false },
      { text: '"m"', dynamic: true },
      { text: '\n', dynamic: false },
      { text: 'yes ', dynamic: false },
      { text: '1', dynamic: true },
    ]);
  });

  it('throws like Handlebars on a missing variable, naming it and its line', () => {
    const source = 'a\nb {{model}}';
    expect(() => env.compile(source, COMPILE_OPTIONS)({})).toThrow(/"model" not defined/);
    const run = () => runProgram(toProgram(source, 't.hbs', NAMES), {}, helpers);
    expect(run).toThrow(MissingValueError);
    expect(run).toThrow('{{model}} has no value (template line 2)');
    expect(() => runProgram(toProgram('{{a.b}}', 't.hbs', NAMES), { a: {} }, helpers)).toThrow('{{b}} has no value');
  });

  it('refuses at build time what it cannot run, naming the file and line', () => {
    expect(() => toProgram('x\n{{> partial}}', 'snippets/a/b/py.hbs', NAMES)).toThrow(/^snippets\/a\/b\/py\.hbs \(line 2\): partials cannot be rendered in the browser/);
    expect(() => toProgram('{{#each list as |item|}}{{item}}{{/each}}', 'f.hbs', NAMES)).toThrow(/block parameters/);
    expect(() => toProgram('{{#custom x}}{{/custom}}', 'f.hbs', NAMES)).toThrow(/the block \{\{#custom\}\}/);
    expect(() => toProgram('{{lookup a b}}', 'f.hbs', NAMES)).toThrow(/the helper "lookup"/);
  });
});

describe('every hand-written snippet and seed fixture', () => {
  const registries: SnippetRegistry[] = [loadSnippets('snippets'), loadSnippets('tests/fixtures/seed-snippets')];
  const values = ['', 'super', 'a b/c-d.e_f:1', `q"uo'te\\ $HOME \`x\` {y} %s`, '"><img src=x onerror=alert(1)>', 'line\nbreak', 'ünïcødé ✓'];
  for (const registry of registries) {
    const compiled = compileSnippets(registry);
    for (const snippet of Object.values(registry.snippets).filter((s) => !s.group.startsWith('_'))) {
      it(`${snippet.id}: defaults and every variable overridden`, () => {
        const cases: Array<Record<string, unknown>> = [{}];
        const vars = [...new Set(snippet.templates.flatMap((t) => t.variables))];
        for (const name of vars) for (const value of values) cases.push({ [name]: value });
        let refused = 0;
        for (const overrides of cases) {
          let expected: ReturnType<typeof renderSnippet>;
          try {
            expected = renderSnippet(registry, compiled, snippet.id, overrides);
          } catch (error) {
            // Typed overrides: a number variable takes numbers, an unquoted one plain text only.
            expect((error as Error).message, JSON.stringify(overrides)).toMatch(/must be a number|prints \{\{\w+\}\} without quoting/);
            refused++;
            continue;
          }
          for (const t of snippet.templates) {
            const program = toProgram(t.source, t.file, NAMES);
            const got = piecesToText(runProgram(program, expected.values, helpers));
            expect(got, `${t.file} with ${JSON.stringify(overrides)}`).toBe(expected.variants.find((v) => v.key === t.alias)!.code);
          }
        }
        expect(refused).toBeLessThan(cases.length);
      });
    }
  }
});
