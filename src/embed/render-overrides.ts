// Browser, loaded only by a page whose snippets carry `data-*` overrides: re-renders each
// language with the overrides and keeps the build-time highlighting wherever the change
// fits inside a string; the rest comes back with `lines: null` for the highlighter.
import { applyOverrides, helpers, MissingValueError, OverrideError, piecesToText, runProgram, type Helper } from '../snippets/runtime.ts';
import { EmbedError } from './load-payload.ts';
import { patchLines } from './patch.ts';
import { linesToText, type EmbedPayload, type TokenLine } from './payload.ts';

export interface RenderedVariant {
  code: string;
  lines: TokenLine[] | null;
}

const HELPERS = helpers as unknown as Record<string, Helper>;

export function renderOverrides(payload: EmbedPayload, overrides: Record<string, string>): RenderedVariant[] {
  let values: Record<string, unknown>;
  try {
    // Typed: a number stays a number, and nothing reaches a template unquoted (see overrides.ts).
    values = applyOverrides(payload.payload, overrides, payload.raw);
  } catch (error) {
    if (error instanceof OverrideError) throw new EmbedError(`snippet "${payload.id}": ${error.message}`);
    throw error;
  }
  return payload.variants.map((variant) => {
    try {
      const before = runProgram(variant.program, payload.payload, HELPERS);
      const after = runProgram(variant.program, values, HELPERS);
      const code = piecesToText(after);
      // The defaults must print what was highlighted at build; if not, highlight afresh.
      const lines = piecesToText(before) === linesToText(variant.lines) ? patchLines(variant.lines, payload.palette, before, after) : null;
      return { code, lines };
    } catch (error) {
      if (error instanceof MissingValueError) {
        const attribute = error.variable.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        throw new EmbedError(`snippet "${payload.id}" needs a value for {{${error.variable}}}: add data-${attribute}="…" to the element.`);
      }
      throw new EmbedError(`snippet "${payload.id}" (${variant.label}) could not be rendered: ${(error as Error).message}`);
    }
  });
}
