// Browser: runs a template program (see to-program.ts) the way Handlebars runs the template
// with `{ strict: true, noEscape: true }`: same lookups, same built-in blocks, same helpers.
// The output keeps which pieces came from `{{...}}`, so an override can be patched into
// already highlighted code instead of highlighting it all again.
import type { Expr, TemplateNode } from './types.ts';

export interface Piece {
  text: string;
  /** True for the output of a `{{...}}`; false for template text. */
  dynamic: boolean;
}

// Helpers take any arguments and end with Handlebars' options object.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Helper = (...args: any[]) => unknown;

/** A strict lookup found nothing: the snippet needs a value for `name`. */
export class MissingValueError extends Error {
  readonly variable: string;
  readonly line: number;
  constructor(variable: string, line: number) {
    super(`{{${variable}}} has no value (template line ${line})`);
    this.name = 'MissingValueError';
    this.variable = variable;
    this.line = line;
  }
}

type Data = Record<string, unknown>;
interface Frame {
  /** depths[0] is the current context, depths[1] its parent, and so on. */
  depths: unknown[];
  data: Data;
}

/** A program's output: Handlebars' raw value (see `fold`) and the pieces that print it. */
interface Output {
  raw: unknown;
  pieces: Piece[];
}

export function runProgram(program: TemplateNode[], context: Record<string, unknown>, helpers: Record<string, Helper>): Piece[] {
  return run(program, { depths: [context], data: { root: context } }).pieces;

  function run(nodes: TemplateNode[], frame: Frame): Output {
    const out: Output = { raw: '', pieces: [] };
    nodes.forEach((node, i) => {
      let next: Output;
      if (typeof node === 'string') next = { raw: node, pieces: [{ text: node, dynamic: false }] };
      else if ('out' in node) {
        const value = evaluate(node.out, frame);
        next = { raw: value == null ? '' : value, pieces: [{ text: value == null ? '' : '' + (value as string), dynamic: true }] };
      } else next = block(node, frame);
      fold(out, next, i === 0);
    });
    return out;
  }

  function block(node: Extract<TemplateNode, { block: string }>, frame: Frame): Output {
    const arg = evaluate(node.args[0], frame);
    const hash = toHash(node.hash, frame);
    const enter = (context: unknown, data: Data): Output =>
      run(node.body, { depths: context != frame.depths[0] ? [context, ...frame.depths] : frame.depths, data });
    if (node.block === 'if' || node.block === 'unless') {
      const falsy = (!hash.includeZero && !arg) || isEmpty(arg);
      return falsy === (node.block === 'if') ? run(node.inverse, frame) : run(node.body, frame);
    }
    if (node.block === 'with') return isEmpty(arg) ? run(node.inverse, frame) : enter(arg, frame.data);
    // #each builds a string: '' + each iteration.
    const out: Output = { raw: '', pieces: [] };
    let count = 0;
    const step = (key: string | number, index: number, last: boolean, value: unknown): void => {
      count++;
      fold(out, enter(value, { ...frame.data, _parent: frame.data, key, index, first: index === 0, last }), false);
    };
    if (arg && typeof arg === 'object') {
      if (Array.isArray(arg)) arg.forEach((value, i) => step(i, i, i === arg.length - 1, value));
      else Object.keys(arg).forEach((key, i, keys) => step(key, i, i === keys.length - 1, (arg as Data)[key]));
    }
    return count > 0 ? out : run(node.inverse, frame);
  }

  function evaluate(e: Expr, frame: Frame): unknown {
    if ('lit' in e) return e.undef ? undefined : e.lit;
    if ('call' in e) {
      const helper = helpers[e.call];
      if (!helper) throw new Error(`unknown helper "${e.call}"`);
      const args = e.args.map((a) => evaluate(a, frame));
      return helper.call(frame.depths[0], ...args, { name: e.call, hash: toHash(e.hash, frame), data: frame.data });
    }
    let target: unknown = e.data ? parentData(frame.data, e.depth) : frame.depths[e.depth];
    // `{{this}}` has no parts and is never strict.
    const strict = e.strict && e.path.length > 0;
    const last = strict ? e.path.length - 1 : e.path.length;
    for (let i = 0; i < last; i++) target = property(target, e.path[i]);
    return strict ? strictProperty(target, e.path[last], e.line) : target;
  }

  function toHash(pairs: Array<[string, Expr]>, frame: Frame): Record<string, unknown> {
    // Handlebars assigns hash keys last pair first; helpers that keep key order rely on it.
    const hash: Record<string, unknown> = {};
    for (let i = pairs.length - 1; i >= 0; i--) hash[pairs[i][0]] = evaluate(pairs[i][1], frame);
    return hash;
  }
}

/**
 * Handlebars joins a program's outputs with JavaScript's `+` from the first one on, so
 * `{{a}}{{b}}` with 1 and 2 prints "3": leading numbers and booleans add up until a string
 * comes. The same rule here, so the browser prints what the build printed.
 */
function fold(out: Output, next: Output, first: boolean): void {
  const numeric = (v: unknown) => typeof v === 'number' || typeof v === 'boolean';
  if (first) {
    out.raw = next.raw;
    out.pieces.push(...next.pieces);
  } else if (numeric(out.raw) && numeric(next.raw)) {
    out.raw = (out.raw as number) + (next.raw as number);
    out.pieces = [{ text: String(out.raw), dynamic: true }];
  } else {
    out.raw = (out.raw as string) + (next.raw as string);
    out.pieces.push(...next.pieces);
  }
}

function parentData(data: Data, depth: number): unknown {
  let current: unknown = data;
  for (let i = 0; i < depth; i++) current = (current as Data | undefined)?._parent;
  return current;
}

/** Handlebars' lookupProperty: own properties only, so `constructor` and the like read as nothing. */
function property(parent: unknown, name: string): unknown {
  const result = (parent as Data)[name];
  if (result == null) return result;
  return Object.prototype.hasOwnProperty.call(parent, name) ? result : undefined;
}

function strictProperty(parent: unknown, name: string, line: number): unknown {
  if (!parent || !(name in (parent as object))) throw new MissingValueError(name, line);
  return property(parent, name);
}

function isEmpty(value: unknown): boolean {
  return (!value && value !== 0) || (Array.isArray(value) && value.length === 0);
}

export function piecesToText(pieces: Piece[]): string {
  return pieces.map((p) => p.text).join('');
}
