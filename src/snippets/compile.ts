import Handlebars from 'handlebars';
import { SnippetError } from './errors.ts';
import { registerHelpers, type HelperHost } from './helpers.ts';

/** A rendered template: context in, code out. */
export type TemplateFn = (context: Record<string, unknown>) => string;

/** Strict: a variable with no value is an error, never an empty string. No HTML escaping: this is code. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

type HandlebarsEnv = typeof Handlebars;

/** A Handlebars environment of our own (no global registry) with the snippet helpers. */
export function createCompiler(): HandlebarsEnv {
  const env = Handlebars.create();
  registerHelpers(env as unknown as HelperHost);
  return env;
}

/** Parses now (syntax errors name the file and line) and renders with errors that name the variable. */
export function compileTemplate(env: HandlebarsEnv, source: string, file: string, configFile: string): TemplateFn {
  checkSyntax(source, file);
  const template = env.compile(source, COMPILE_OPTIONS);
  return (context) => {
    try {
      return template(context);
    } catch (error) {
      throw toRenderError(error, file, configFile);
    }
  };
}

export function checkSyntax(source: string, file: string): void {
  try {
    Handlebars.parse(source);
  } catch (error) {
    const message = String((error as Error).message);
    const line = /on line (\d+)/.exec(message)?.[1] ?? /- (\d+):\d+$/.exec(message)?.[1];
    const reason = message.split('\n').filter((l) => !/^-*\^$/.test(l) && !l.startsWith('...')).join(' ').replace(/^Parse error on line \d+: ?/, '').replace(/ - \d+:\d+$/, '');
    const hint = reason.includes("got 'CLOSE_UNESCAPED'") ? ' (`}}}` ends a triple-stash: put a space before a literal `}` that follows `}}`)' : '';
    throw new SnippetError(file, line ? `line ${line}` : undefined, `template syntax error: ${reason}${hint}`);
  }
}

/** Handlebars' strict-mode `"x" not defined in [object Object] - 3:10` becomes a message an author can act on. */
export function toRenderError(error: unknown, file: string, configFile: string): Error {
  const message = String((error as Error)?.message ?? error);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (!missing) return new SnippetError(file, undefined, message);
  const [, name, line] = missing;
  return new SnippetError(file, `line ${line}`,
    `{{${name}}} has no value. Add "${name}" to "payload" in ${configFile}, or pass it when rendering (${name}="..." on <Snippet>, data-${toKebab(name)} on the embed).`);
}

function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
