import { describe, expect, it } from 'vitest';
import { compileSnippets, helpers, runProgram, type SnippetRegistry } from '../snippets/index.ts';
import { loadSnippets } from '../snippets/registry.node.ts';
import { createHighlighter } from '../highlight/index.ts';
import { patchLines } from './patch.ts';
import { linesToText, type EmbedPayload, type PaletteEntry, type TokenLine } from './payload.ts';
import { embeddableIds, toEmbedPayload } from './to-payload.ts';
import { createPalette, highlightLines } from './tokens.ts';

const highlighter = await createHighlighter();

/** One entry per character: the character and its colours, so token boundaries do not matter. */
function colours(lines: TokenLine[], palette: PaletteEntry[]): string[] {
  const out: string[] = [];
  lines.forEach((line, n) => {
    if (n > 0) out.push('\n');
    for (let i = 0; i < line.length; i += 2) {
      const [light, dark, style] = palette[line[i + 1] as number];
      for (const ch of line[i] as string) out.push(`${ch} ${light} ${dark} ${style}`);
    }
  });
  return out;
}

async function fullHighlight(code: string, grammar: string): Promise<string[]> {
  const palette = createPalette();
  const lines = await highlightLines(highlighter, code, grammar, palette);
  return colours(lines, palette.entries);
}

const registries: Array<[string, SnippetRegistry]> = [
  ['snippets', loadSnippets('snippets')],
  ['seed fixtures', loadSnippets('tests/fixtures/seed-snippets')],
];
const payloads: EmbedPayload[] = [];
for (const [, registry] of registries) {
  const compiled = compileSnippets(registry);
  for (const id of embeddableIds(registry)) payloads.push(await toEmbedPayload(registry, compiled, id, highlighter));
}

// Values a page author writes: model names, URLs, keys; then ones that must not be patched.
const EDITABLE = ['super', 'https://api.example.com/v2', 'A prompt with spaces, commas; and: colons.', '<YOUR_KEY>', 'ünïcødé ✓', ''];
const HOSTILE = ['"><img src=x onerror=alert(1)>', "it's", 'a\\b ${x} `x` $HOME', '%s {0}', 'two\nlines'];

describe('patching overrides into build-time highlighting', () => {
  it('payload lines hold exactly the default code', () => {
    for (const payload of payloads) {
      for (const v of payload.variants) {
        const pieces = runProgram(v.program, payload.payload, helpers);
        expect(linesToText(v.lines), `${payload.id} ${v.key}`).toBe(pieces.map((p) => p.text).join(''));
      }
    }
  });

  for (const payload of payloads) {
    it(`${payload.id}: a patch, when it applies, colours every character as a full highlight does`, async () => {
      let patched = 0;
      for (const name of payload.vars) {
        for (const value of [...EDITABLE, ...HOSTILE]) {
          const values = { ...payload.payload, [name]: value };
          for (const v of payload.variants) {
            const before = runProgram(v.program, payload.payload, helpers);
            const after = runProgram(v.program, values, helpers);
            const lines = patchLines(v.lines, payload.palette, before, after);
            if (!lines) continue;
            patched++;
            const code = after.map((p) => p.text).join('');
            expect(linesToText(lines), `${v.key} ${name}=${JSON.stringify(value)}`).toBe(code);
            expect(colours(lines, payload.palette), `${v.key} ${name}=${JSON.stringify(value)}`).toEqual(await fullHighlight(code, v.grammar));
          }
        }
      }
      expect(patched).toBeGreaterThan(0);
    });
  }

  it('patches the common overrides in every language instead of re-highlighting', () => {
    const chat = payloads.find((p) => p.id === 'melious.chat-completion')!;
    for (const [name, value] of [['model', 'super'], ['baseUrl', 'https://api.example.com/v2'], ['apiKey', 'sk-abc123']]) {
      for (const v of chat.variants) {
        const before = runProgram(v.program, chat.payload, helpers);
        const after = runProgram(v.program, { ...chat.payload, [name]: value }, helpers);
        expect(patchLines(v.lines, chat.palette, before, after), `${v.key} ${name}`).not.toBeNull();
      }
    }
    const seed = payloads.find((p) => p.id === 'open-ai.chat-completion')!;
    for (const v of seed.variants) {
      const before = runProgram(v.program, seed.payload, helpers);
      const after = runProgram(v.program, { ...seed.payload, model: 'super' }, helpers);
      expect(patchLines(v.lines, seed.palette, before, after), v.key).not.toBeNull();
    }
  });

  it('re-highlights a value that ends or escapes a Python or JavaScript string', () => {
    const chat = payloads.find((p) => p.id === 'melious.chat-completion')!;
    for (const v of chat.variants.filter((x) => x.lang !== 'shell')) {
      const before = runProgram(v.program, chat.payload, helpers);
      for (const value of HOSTILE) {
        const after = runProgram(v.program, { ...chat.payload, model: value }, helpers);
        expect(patchLines(v.lines, chat.palette, before, after), `${v.key} ${JSON.stringify(value)}`).toBeNull();
      }
    }
  });

  it('refuses when the template takes another branch', () => {
    const before = [{ text: 'a', dynamic: false }, { text: '"x"', dynamic: true }];
    expect(patchLines([['a', 0, '"x"', 1]], [['#000', '#fff', 0, 0], ['#111', '#eee', 0, 1]], before, [{ text: 'b', dynamic: false }, { text: '"x"', dynamic: true }])).toBeNull();
    expect(patchLines([['a', 0, '"x"', 1]], [['#000', '#fff', 0, 0], ['#111', '#eee', 0, 1]], before, before.slice(0, 1))).toBeNull();
  });
});
