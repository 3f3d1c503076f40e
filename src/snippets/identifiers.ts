// Names a generated snippet writes as code (variables, Python keyword arguments). They come from
// a spec, so they are made safe here: never a keyword, never a name the template itself uses,
// never something that is not an identifier. Everything else a spec names is written as a quoted
// string by the templates' helpers.

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** Names the generated templates (snippets/_generated) bind or call, per language: a variable must not shadow them. */
const TAKEN = {
  python: new Set([...PYTHON_KEYWORDS, 'json', 'sys', 'time', 'requests', 'quote', 'response', 'created', 'result', 'status', 'line', 'file',
    'print', 'str', 'open', 'client', 'chunk', 'OpenAI']),
  javascript: new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
    'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this',
    'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await', 'implements', 'interface', 'package',
    'private', 'protected', 'public', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'response', 'created', 'result', 'url', 'poll',
    'status', 'form', 'decoder', 'buffer', 'chunk', 'end', 'event', 'line', 'fetch', 'URL', 'encodeURIComponent', 'console', 'JSON',
    'Buffer', 'Error', 'Promise', 'process', 'openAsBlob', 'writeFile', 'setTimeout', 'client', 'OpenAI', 'Anthropic', 'fs']),
  // Lower-case shell variables: the environment's (PATH, IFS, HOME) are upper-case.
  shell: new Set(['created', 'result', 'status']),
};

export type IdentifierStyle = 'python' | 'javascript' | 'shell';

/** `Task-ID` → `task_id` (Python, shell) or `taskId` (JavaScript); a taken or odd name gets `_`. */
export function identifierFor(name: string, style: IdentifierStyle, used: Set<string> = new Set()): string {
  let base = name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
  if (style === 'javascript') base = base.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (base === '') base = 'value';
  if (/^[0-9]/.test(base)) base = `v${style === 'javascript' ? '' : '_'}${base}`;
  let out = base;
  for (let n = 1; TAKEN[style].has(out) || used.has(out); n++) out = n === 1 ? `${base}_` : `${base}_${n}`;
  used.add(out);
  return out;
}

/** A name Python accepts as a keyword argument (an ASCII identifier that is no keyword). */
export function isPythonKeywordArgument(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}
