import { describe, expect, it } from 'vitest';
import { compileSnippets, renderSnippet, SnippetError } from './index.ts';
import { loadSnippets } from './registry.node.ts';
import { applyOverrides, OverrideError } from './overrides.ts';

const registry = loadSnippets('snippets');
const compiled = compileSnippets(registry);

describe('typed overrides (issue 12, finding 7)', () => {
  it('data-poll-seconds="0; touch pwned #" is refused, never rendered as `sleep 0; touch pwned #`', () => {
    for (const id of ['aimlapi.video-task', 'melancholy.video-task']) {
      let error: unknown;
      try {
        renderSnippet(registry, compiled, id, { 'poll-seconds': '0; touch pwned #' });
      } catch (e) {
        error = e;
      }
      expect(error, id).toBeInstanceOf(SnippetError);
      expect((error as Error).message).toContain('data-poll-seconds: must be a number like 5, got "0; touch pwned #".');
    }
  });

  it('a number stays a number: "0.5" renders as 0.5 in every language', () => {
    const rendered = renderSnippet(registry, compiled, 'aimlapi.video-task', { 'poll-seconds': '0.5' });
    expect(rendered.values.pollSeconds).toBe(0.5);
    expect(rendered.variants.find((v) => v.key === 'sh')!.code).toContain('  sleep 0.5\n');
    expect(rendered.variants.find((v) => v.key === 'py')!.code).toContain('time.sleep(0.5)');
    expect(rendered.variants.find((v) => v.key === 'js')!.code).toContain('setTimeout(resolve, 0.5 * 1000)');
  });

  it.each([['1e3', 1000], [' 2 ', 2], ['-0', -0]])('parses %j as a number', (given, expected) => {
    expect(applyOverrides({ n: 5 }, { n: given }, [])).toEqual({ n: expected });
  });

  it.each(['', 'NaN', 'Infinity', '0x10', '1;', '$(id)', '1 2', '1e'])('refuses %j for a number', (given) => {
    expect(() => applyOverrides({ n: 5 }, { n: given }, [])).toThrow(OverrideError);
  });

  it('booleans and JSON values keep their types; quoted strings take anything', () => {
    expect(applyOverrides({ b: false, o: { a: 1 }, s: 'x' }, { b: 'true', o: '{"a":2}', s: "a'b\"$(c)`d`\n" }, [])).toEqual({ b: true, o: { a: 2 }, s: "a'b\"$(c)`d`\n" });
    expect(() => applyOverrides({ b: false }, { b: 'yes' }, [])).toThrow('data-b: must be true or false, got "yes".');
    expect(() => applyOverrides({ o: {} }, { o: '{' }, [])).toThrow('data-o: must be JSON');
  });

  it('a string printed unquoted takes plain text only', () => {
    const raw = [{ name: 'model', file: 't/py.hbs', line: 3 }];
    expect(applyOverrides({ model: 'm' }, { model: 'glm-4.7:eco/ünï' }, raw)).toEqual({ model: 'glm-4.7:eco/ünï' });
    for (const hostile of ["it's", 'a"b', 'a b', '$(id)', '`id`', 'a;b', 'a\nb', 'a\\b', 'a\0b', 'x=@f', '--x y']) {
      expect(() => applyOverrides({ model: 'm' }, { model: hostile }, raw), hostile).toThrow('t/py.hbs line 3 prints {{model}} without quoting');
    }
  });
});
