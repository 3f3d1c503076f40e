import Handlebars from 'handlebars';
import { checkSyntax } from './check-syntax.ts';
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
