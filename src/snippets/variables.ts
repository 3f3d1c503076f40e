import Handlebars from 'handlebars';
import { SnippetError } from './errors.ts';
import { HELPER_NAMES } from './helpers.ts';

/** A variable every render needs (read outside any {{#if}}), with the line that first reads it. */
export interface RequiredVariable {
  name: string;
  line: number;
}

const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
// Helpers whose output is quoted for its language: a variable printed through them is safe.
const QUOTING = new Set(['str', 'sh', 'shJson', 'py', 'js', 'json', 'jsKey', 'eq']);
// Field access helpers: the path tokens are quoted, the first argument (a variable name) is not.
const GETTERS = new Set(['pyGet', 'jsGet', 'jsGetSafe']);
// Blocks whose body reads from another context: names inside are not payload variables.
const CONTEXT_BLOCKS = new Set(['each', 'with']);

type Node = { type: string; [key: string]: unknown };
type Path = { type: 'PathExpression'; parts: string[]; original: string; data: boolean; depth: number; loc?: { start: { line: number } } };

/**
 * Payload variables a template reads from its top-level context (the ones an embed can set
 * with `data-*`), those it prints without a quoting helper (`raw`), and a check that every
 * helper it calls exists.
 */
export function templateVariables(source: string, file: string): { variables: string[]; required: RequiredVariable[]; raw: RequiredVariable[] } {
  const found = new Set<string>();
  const required = new Map<string, number>();
  const raw = new Map<string, number>();
  const known = new Set([...BUILT_IN, ...HELPER_NAMES]);
  let conditional = 0;
  visit(Handlebars.parse(source) as unknown as Node, true);
  return { variables: [...found], required: [...required].map(([name, line]) => ({ name, line })), raw: [...raw].map(([name, line]) => ({ name, line })) };

  /** `node`'s value is printed as it is: every variable reaching it unquoted is raw. */
  function printed(node: Node, top: boolean): void {
    if (node.type === 'PathExpression') {
      const path = node as unknown as Path;
      if (top && !path.data && path.depth === 0 && path.parts.length > 0 && !raw.has(path.parts[0])) raw.set(path.parts[0], path.loc?.start.line ?? 1);
      return;
    }
    if (node.type !== 'SubExpression' && node.type !== 'MustacheStatement') return;
    const name = (node.path as Path).original;
    const params = (node.params as Node[]) ?? [];
    const hash = ((node.hash as { pairs?: Array<{ value: Node }> } | undefined)?.pairs ?? []).map((p) => p.value);
    if (params.length === 0 && hash.length === 0 && node.type === 'MustacheStatement') return printed(node.path as Node, top);
    if (QUOTING.has(name)) return;
    if (GETTERS.has(name)) return params[0] && printed(params[0], top);
    for (const p of [...params, ...hash]) printed(p, top);
  }

  function visit(node: Node | undefined, top: boolean): void {
    if (!node) return;
    if (node.type === 'Program') {
      for (const statement of node.body as Node[]) visit(statement, top);
      return;
    }
    if (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') {
      const path = node.path as Path;
      const params = (node.params as Node[]) ?? [];
      const hash = ((node.hash as { pairs?: Array<{ value: Node }> } | undefined)?.pairs ?? []).map((p) => p.value);
      const isCall = params.length > 0 || hash.length > 0 || node.type === 'BlockStatement';
      if (isCall && path.type === 'PathExpression' && !known.has(path.original)) {
        throw new SnippetError(file, `line ${path.loc?.start.line ?? '?'}`, `unknown helper "${path.original}"; available: ${[...known].join(', ')}.`);
      }
      if (!isCall) expression(path as unknown as Node, top);
      if (node.type === 'MustacheStatement') printed(node, top);
      // A context block's values are printed inside it by names that are not payload variables.
      if (node.type === 'BlockStatement' && CONTEXT_BLOCKS.has(path.original) && params[0]) printed(params[0], top);
      // The condition of {{#if x}} is how a template asks whether x was given.
      const test = path.original === 'if' || path.original === 'unless';
      if (test) conditional++;
      for (const p of [...params, ...hash]) expression(p, top);
      if (test) conditional--;
      if (node.type === 'BlockStatement') {
        const inner = top && !CONTEXT_BLOCKS.has(path.original) && !((node.program as Node | undefined)?.blockParams);
        // Inside {{#if}}/{{#unless}} a variable may be left out on purpose: not required.
        const guarded = path.original === 'if' || path.original === 'unless';
        if (guarded) conditional++;
        visit(node.program as Node, inner);
        visit(node.inverse as Node | undefined, top);
        if (guarded) conditional--;
      }
    }
  }

  function expression(node: Node, top: boolean): void {
    if (node.type === 'SubExpression') return visit(node, top);
    if (node.type !== 'PathExpression' || !top) return;
    const path = node as unknown as Path;
    if (path.data || path.depth > 0 || path.parts.length === 0) return;
    found.add(path.parts[0]);
    if (conditional === 0 && !required.has(path.parts[0])) required.set(path.parts[0], path.loc?.start.line ?? 1);
  }
}
