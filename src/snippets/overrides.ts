// Typed overrides: a value given for a template variable (a `data-*` attribute of the embed, a
// prop of <Snippet>) takes the type of the variable's default. A number stays a number, a
// boolean a boolean; a string that a template prints without a quoting helper (seed-style
// '{{apiKey}}') may only hold characters no language or shell reads as syntax. Anything else is
// refused with a message naming the attribute, so no override ever reaches a template unquoted.

/** Where a template prints a variable without a quoting helper (`{{x}}`, `{{concat x "/"}}`). */
export interface RawUse {
  name: string;
  /** Template file and line, for the message. */
  file: string;
  line: number;
}

/** Characters that are plain text in every language a snippet is written in (no quote, space, `$`, `;`, ...). */
const PLAIN = /^[\p{L}\p{N}\p{M}._:/@+-]*$/u;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/** An override that cannot go into the code; `attribute` is `data-poll-seconds` for `pollSeconds`. */
export class OverrideError extends Error {
  readonly variable: string;
  constructor(variable: string, reason: string) {
    super(`${toAttribute(variable)}: ${reason}`);
    this.name = 'OverrideError';
    this.variable = variable;
  }
}

export function toAttribute(variable: string): string {
  return `data-${variable.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The values to render with: defaults, then each override converted to its default's type.
 * `overrides` keys are camelCase. Throws OverrideError for the first value that cannot be used.
 */
export function applyOverrides(defaults: Record<string, unknown>, overrides: Record<string, unknown>, raw: RawUse[]): Record<string, unknown> {
  const values: Record<string, unknown> = { ...defaults };
  for (const [name, given] of Object.entries(overrides)) {
    if (given === undefined) continue;
    values[name] = typed(name, defaults[name], given, raw.find((r) => r.name === name));
  }
  return values;
}

function typed(name: string, fallback: unknown, given: unknown, rawUse: RawUse | undefined): unknown {
  const shown = JSON.stringify(typeof given === 'string' ? given : String(given));
  if (typeof fallback === 'number') {
    if (typeof given === 'number' && Number.isFinite(given)) return given;
    if (typeof given === 'string' && NUMBER.test(given.trim())) return Number(given.trim());
    throw new OverrideError(name, `must be a number like ${fallback}, got ${shown}.`);
  }
  if (typeof fallback === 'boolean') {
    if (typeof given === 'boolean') return given;
    if (given === 'true' || given === 'false') return given === 'true';
    throw new OverrideError(name, `must be true or false, got ${shown}.`);
  }
  if (fallback !== null && typeof fallback === 'object') {
    let value = given;
    if (typeof given === 'string') {
      try {
        value = JSON.parse(given);
      } catch {
        throw new OverrideError(name, `must be JSON like ${JSON.stringify(fallback).slice(0, 40)}, got ${shown}.`);
      }
    }
    if (rawUse) throw new OverrideError(name, `${rawUse.file} line ${rawUse.line} prints {{${name}}} without quoting, so it cannot be overridden.`);
    return value;
  }
  if (typeof given !== 'string') {
    if (typeof given === 'number' || typeof given === 'boolean') return checkPlain(name, String(given), rawUse);
    throw new OverrideError(name, `must be text, got ${shown}.`);
  }
  return checkPlain(name, given, rawUse);
}

function checkPlain(name: string, value: string, rawUse: RawUse | undefined): string {
  if (rawUse && !PLAIN.test(value)) {
    throw new OverrideError(name,
      `${rawUse.file} line ${rawUse.line} prints {{${name}}} without quoting, so its value may hold only letters, digits and . _ : / @ + - (got ${JSON.stringify(value)}). ` +
      `The template should write {{str ${name}}} or {{sh ${name}}}.`);
  }
  return value;
}
