// The per-snippet JSON the embed fetches (`/embed/s/<group>/<name>.json`): plain data written
// at build time and read by the browser bundle. Code arrives already highlighted for the
// payload defaults; the template program lets the browser re-render what a `data-*` changes.
import type { RawUse, TemplateNode } from '../snippets/runtime.ts';

/** Bumped when the shape changes, so an old cached bundle refuses a new payload clearly. */
export const PAYLOAD_VERSION = 2;

/**
 * How a token may be edited in place when an override changes text inside it.
 * 0: never (re-highlight instead); 1: inside a quoted string bounded by its quotes;
 * 2: inside a shell single-quoted string, where nothing but `'` is special.
 */
export type TokenKind = 0 | 1 | 2;

/** One colour pair: light colour, dark colour, font style bits (1 italic, 2 bold, 4 underline), kind. */
export type PaletteEntry = [light: string, dark: string, style: number, kind: TokenKind];

/** A line of code as `text, paletteIndex, text, paletteIndex, ...`. */
export type TokenLine = Array<string | number>;

export interface EmbedVariant {
  /** Template file stem: `py`, `js`, `sh`. */
  key: string;
  /** Language id shared by all widgets for the remembered tab: `python`. */
  lang: string;
  label: string;
  /** Shiki grammar for highlighting an override in the browser. */
  grammar: string;
  /** The code for the payload defaults, highlighted. */
  lines: TokenLine[];
  program: TemplateNode[];
}

export interface EmbedPayload {
  v: typeof PAYLOAD_VERSION;
  /** `group.name`. */
  id: string;
  title: string;
  /** Absolute, or relative to the site that serves the bundle. */
  docs?: string;
  /** Template variables and their defaults (camelCase). */
  payload: Record<string, unknown>;
  /** Variables some template reads: an override of anything else changes nothing. */
  vars: string[];
  /** Where a template prints a variable without quoting: an override of it must be plain text. */
  raw: RawUse[];
  palette: PaletteEntry[];
  variants: EmbedVariant[];
}

/** The plain text of highlighted lines. */
export function linesToText(lines: TokenLine[]): string {
  return lines.map((line) => line.filter((_, i) => i % 2 === 0).join('')).join('\n');
}
