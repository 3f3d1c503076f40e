// Values written as source code, one function per language. Strings go through JSON's
// escaping, which Python and JavaScript both read back exactly (quotes, backslashes,
// newlines, control characters, unicode), so no value can end a literal early.

type Value = unknown;

export interface LiteralStyle {
  indent: string;
  null: string;
  true: string;
  false: string;
  key: (name: string) => string;
  colon: string;
}

const PYTHON: LiteralStyle = { indent: '    ', null: 'None', true: 'True', false: 'False', key: (k) => JSON.stringify(k), colon: ': ' };
const JAVASCRIPT: LiteralStyle = {
  indent: '  ', null: 'null', true: 'true', false: 'false',
  key: (k) => jsKey(k), colon: ': ',
};
const JSON_STYLE: LiteralStyle = { indent: '  ', null: 'null', true: 'true', false: 'false', key: (k) => JSON.stringify(k), colon: ': ' };

const INLINE_WIDTH = 72;

/** A value as a literal in the given style; lines after the first start with `base`. */
export function toLiteral(value: Value, style: LiteralStyle, base = ''): string {
  if (value === null || value === undefined) return style.null;
  if (value === true) return style.true;
  if (value === false) return style.false;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : style.null;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inline = `[${value.map((v) => toLiteral(v, style)).join(', ')}]`;
    if (value.every(isScalar) && inline.length <= INLINE_WIDTH) return inline;
    const inner = base + style.indent;
    return `[\n${value.map((v) => inner + toLiteral(v, style, inner)).join(',\n')}${trailing(style)}\n${base}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, Value>);
    if (entries.length === 0) return '{}';
    const inner = base + style.indent;
    const lines = entries.map(([k, v]) => `${inner}${style.key(k)}${style.colon}${toLiteral(v, style, inner)}`);
    return `{\n${lines.join(',\n')}${trailing(style)}\n${base}}`;
  }
  return JSON.stringify(String(value));
}

// JSON forbids trailing commas; Python and JavaScript literals keep them (diff-friendly).
function trailing(style: LiteralStyle): string {
  return style === JSON_STYLE ? '' : ',';
}

function isScalar(value: Value): boolean {
  return value === null || typeof value !== 'object';
}

export const toPython = (value: Value, base = '') => toLiteral(value, PYTHON, base);
export const toJavaScript = (value: Value, base = '') => toLiteral(value, JAVASCRIPT, base);
export const toJson = (value: Value, base = '') => toLiteral(value, JSON_STYLE, base);

/** POSIX shell single quotes: nothing inside is special except `'`, written as `'\''`. */
export function toShell(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A string literal (double quotes, JSON escapes): valid in Python, JavaScript, Go, Java and C#. */
export function toStringLiteral(text: string): string {
  return JSON.stringify(text);
}

/**
 * An object-literal key in JavaScript: bare when it is an identifier, quoted otherwise, and
 * computed for `__proto__`, which as a plain key sets the prototype instead of a property.
 */
export function jsKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
