import Handlebars from 'handlebars';
import { SnippetError } from './errors.ts';
import { HELPER_NAMES } from './helpers.ts';

const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
// Blocks whose body reads from another context: names inside are not payload variables.
const CONTEXT_BLOCKS = new Set(['each', 'with']);

type Node = { type: string; [key: string]: unknown };
type Path = { type: 'PathExpression'; parts: string[]; original: string; data: boolean; depth: number; loc?: { start: { line: number } } };

/**
 * Payload variables a template reads from its top-level context (the ones an embed can set
 * with `data-*`), and a check that every helper it calls exists.
 */
export function templateVariables(source: string, file: string): string[] {
  const found = new Set<string>();
  const known = new Set([...BUILT_IN, ...HELPER_NAMES]);
  visit(Handlebars.parse(source) as unknown as Node, true);
  return [...found];

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
      for (const p of [...params, ...hash]) expression(p, top);
      if (node.type === 'BlockStatement') {
        const inner = top && !CONTEXT_BLOCKS.has(path.original) && !((node.program as Node | undefined)?.blockParams);
        visit(node.program as Node, inner);
        visit(node.inverse as Node | undefined, top);
      }
    }
  }

  function expression(node: Node, top: boolean): void {
    if (node.type === 'SubExpression') return visit(node, top);
    if (node.type !== 'PathExpression' || !top) return;
    const path = node as unknown as Path;
    if (path.data || path.depth > 0 || path.parts.length === 0) return;
    found.add(path.parts[0]);
  }
}
