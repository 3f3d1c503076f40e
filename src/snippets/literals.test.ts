import { describe, expect, it } from 'vitest';
import { toJavaScript, toJson, toPython, toShell } from './literals.ts';

const tricky = { quote: `it's "x" \\ \`y\` \${z}`, lines: 'a\nb\r\nc\u2028d', unicode: '🦜 Lübeck 日本', nul: 'a\u0000b', n: [1e21, -0.5, 0], flags: [true, false, null], empty: { a: {}, b: [] } };

describe('literals', () => {
  it('JavaScript literals evaluate back to the same value', () => {
    expect(new Function(`return ${toJavaScript(tricky)};`)()).toEqual(tricky);
  });

  it('JSON output parses back to the same value', () => {
    expect(JSON.parse(toJson(tricky))).toEqual(tricky);
  });

  it('writes Python literals with True/False/None, trailing commas and indentation after the first line', () => {
    expect(toPython({ a: [true, false, null], b: { 'c-d': 'x' } }, '    ')).toBe('{\n        "a": [True, False, None],\n        "b": {\n            "c-d": "x",\n        },\n    }');
  });

  it('quotes any text as one shell word', () => {
    expect(toShell(`it's`)).toBe(`'it'\\''s'`);
    expect(toShell('$HOME `x` "y" \\')).toBe(`'$HOME \`x\` "y" \\'`);
  });

  it('keeps short scalar lists on one line and breaks long ones', () => {
    expect(toJavaScript(['a', 'b'])).toBe('["a", "b"]');
    expect(toJavaScript(Array.from({ length: 20 }, (_, i) => `item-${i}`)).split('\n')).toHaveLength(22);
  });
});
