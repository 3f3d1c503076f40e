import Handlebars from 'handlebars';
import { SnippetError } from './errors.ts';

/** Parses a template; a syntax error names the file and line, with a hint for the usual mistake. */
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
