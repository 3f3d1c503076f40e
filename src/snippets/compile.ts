import Handlebars from 'handlebars';
import { SnippetError } from './errors.ts';
import { toRenderError } from './render-error.ts';
import { registerHelpers, type HelperHost } from './helpers.ts';
import type { TemplateFn } from './variants.ts';

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
