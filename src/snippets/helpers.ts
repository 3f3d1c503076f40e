import { jsKey, toJavaScript, toJson, toPython, toShell, toStringLiteral } from './literals.ts';

/** The part of a Handlebars environment (full compiler or runtime) that helpers need. */
export interface HelperHost {
  registerHelper(name: string, fn: (...args: never[]) => unknown): void;
}

interface HelperOptions {
  hash: Record<string, unknown>;
}

/** Everything after the first line starts `indent` spaces in, so a literal lines up where it is placed. */
const base = (options: HelperOptions) => ' '.repeat(Number(options.hash.indent ?? 0));
const tokens = (value: unknown) => (Array.isArray(value) ? value.map(String) : String(value ?? '').split('/').filter(Boolean));
const isIndex = (token: string) => /^(0|[1-9]\d*)$/.test(token);

export const helpers = {
  /** `{{py body indent=4}}`: a Python literal (dict, list, str, True/False/None). */
  py: (value: unknown, options: HelperOptions) => toPython(value, base(options)),
  /** `{{js body indent=2}}`: a JavaScript literal. */
  js: (value: unknown, options: HelperOptions) => toJavaScript(value, base(options)),
  /** `{{json value indent=2}}`: pretty JSON. */
  json: (value: unknown, options: HelperOptions) => toJson(value, base(options)),
  /** `{{sh text}}`: one shell word in single quotes. */
  sh: (value: unknown) => toShell(String(value ?? '')),
  /** `{{shJson value}}`: pretty JSON as one single-quoted shell word (for `--data`). */
  shJson: (value: unknown) => toShell(toJson(value)),
  /** `{{str text}}`: a double-quoted string literal with JSON escapes. */
  str: (value: unknown) => toStringLiteral(String(value ?? '')),
  /** `{{pyGet "data" tokens}}` → `data["task_id"]`. */
  pyGet: (variable: string, path: unknown) => variable + tokens(path).map((t) => (isIndex(t) ? `[${t}]` : `[${JSON.stringify(t)}]`)).join(''),
  /** `{{jsGet "data" tokens}}` → `data.task_id`. */
  jsGet: (variable: string, path: unknown) =>
    variable + tokens(path).map((t) => (isIndex(t) ? `[${t}]` : /^[A-Za-z_$][\w$]*$/.test(t) ? `.${t}` : `[${JSON.stringify(t)}]`)).join(''),
  /** `{{jsGetSafe "chunk" tokens}}` → `chunk.choices?.[0]?.delta?.content` (for fields that may be missing). */
  jsGetSafe: (variable: string, path: unknown) =>
    variable + tokens(path).map((t) => (isIndex(t) ? `?.[${t}]` : /^[A-Za-z_$][\w$]*$/.test(t) ? `?.${t}` : `?.[${JSON.stringify(t)}]`)).join(''),
  /** `{{pyAttr "result" tokens}}` → `result.choices[0].message.content` (SDK objects). */
  pyAttr: (variable: string, path: unknown) => variable + tokens(path).map((t) => (isIndex(t) ? `[${t}]` : `.${t}`)).join(''),
  /** `{{jsKey name}}`: an object key, quoted only when it must be. */
  jsKey: (name: unknown) => jsKey(String(name)),
  /** `{{jqPath tokens}}` → `.task_id` (jq filter). */
  jqPath: (path: unknown) => {
    const filter = tokens(path).map((t) => (isIndex(t) ? `[${t}]` : /^[A-Za-z_]\w*$/.test(t) ? `.${t}` : `[${JSON.stringify(t)}]`)).join('');
    return filter.startsWith('.') ? filter : `.${filter}`;
  },
  /** `{{py (object model=model stream=true)}}`: an object from named arguments, in the order written. */
  // Handlebars hands the hash over last-pair-first; reverse it back to the written order.
  object: (options: HelperOptions) => Object.fromEntries(Object.entries(options.hash).reverse()),
  /** `{{js (array "a" b)}}`: a list from its arguments. */
  array: (...args: unknown[]) => args.slice(0, -1),
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{sh (concat name ": " value)}}`: joins its arguments. */
  concat: (...args: unknown[]) => args.slice(0, -1).map((a) => String(a ?? '')).join(''),
  upper: (text: unknown) => String(text ?? '').toUpperCase(),
  lower: (text: unknown) => String(text ?? '').toLowerCase(),
};

export function registerHelpers(host: HelperHost): void {
  for (const [name, fn] of Object.entries(helpers)) host.registerHelper(name, fn as (...args: never[]) => unknown);
}

export const HELPER_NAMES: readonly string[] = Object.keys(helpers);
