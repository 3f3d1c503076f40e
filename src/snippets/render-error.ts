import { SnippetError } from './errors.ts';

/** Handlebars' strict-mode `"x" not defined in [object Object] - 3:10` becomes a message an author can act on. */
export function toRenderError(error: unknown, file: string, configFile: string): Error {
  const message = String((error as Error)?.message ?? error);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (!missing) return new SnippetError(file, undefined, message);
  return toMissingValueError(missing[1], Number(missing[2]), file, configFile);
}

/** A template read `{{name}}` at `line` and the render had no value for it. */
export function toMissingValueError(name: string, line: number, file: string, configFile: string): SnippetError {
  return new SnippetError(file, `line ${line}`,
    `{{${name}}} has no value. Add "${name}" to "payload" in ${configFile}, or pass it when rendering (${name}="..." on <Snippet>, data-${toKebab(name)} on the embed).`);
}

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
