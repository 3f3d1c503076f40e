// Build time: a Handlebars template becomes a small program of plain data (text, outputs,
// if/unless/each/with), so the browser renders snippets (embed overrides, try-it requests)
// without Handlebars and without evaluating generated code.
import Handlebars from 'handlebars';
import { SnippetError } from '../errors.ts';
import { HELPER_NAMES } from '../helpers.ts';
import type { SnippetRegistry } from '../registry.ts';
import type { Expr, SnippetPrograms, TemplateNode } from './types.ts';

type Node = hbs.AST.Node;
const BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** Every snippet of the registry (or of one group) with its templates as programs, as JSON for the browser. */
export function toSnippetPrograms(registry: SnippetRegistry, group?: string): SnippetPrograms {
  const out: SnippetPrograms = { root: registry.root, snippets: {} };
  for (const s of Object.values(registry.snippets)) {
    if (group !== undefined && s.group !== group) continue;
    const templates = s.templates.map((t) => ({ alias: t.alias, language: t.language, file: t.file, program: toProgram(t.source, t.file) }));
    out.snippets[s.id] = { id: s.id, group: s.group, name: s.name, configFile: s.configFile, config: s.config, templates };
  }
  return out;
}

/** `helperNames`: the helpers the browser runner knows (the snippet helpers unless told). */
export function toProgram(source: string, file: string, helperNames: readonly string[] = HELPER_NAMES): TemplateNode[] {
  const helpers = new Set(helperNames);
  // `parse` applies Handlebars' whitespace control, so content values are already what it prints.
  return program(Handlebars.parse(source));

  function program(node: hbs.AST.Program | undefined): TemplateNode[] {
    const out: TemplateNode[] = [];
    for (const statement of node?.body ?? []) {
      const next = toNode(statement);
      if (next === undefined) continue;
      const last = out.length - 1;
      if (typeof next === 'string' && typeof out[last] === 'string') out[last] += next;
      else if (next !== '') out.push(next);
    }
    return out;
  }

  function toNode(node: Node): TemplateNode | undefined {
    switch (node.type) {
      case 'ContentStatement':
        return (node as hbs.AST.ContentStatement).value;
      case 'CommentStatement':
        return undefined;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        return { out: call(m.path, m.params, m.hash, true) };
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        if (b.path.type !== 'PathExpression' || !BLOCKS.has(name)) return unsupported(node, `the block {{#${name}}}`);
        if (b.program?.blockParams?.length) return unsupported(node, 'block parameters (as |x|)');
        if (!b.program) return unsupported(node, `an inverse section {{^${name}}}`);
        if (b.params.length !== 1) throw new SnippetError(file, line(node), `{{#${name}}} takes exactly one argument.`);
        return { block: name as 'if', args: b.params.map(expr), hash: hash(b.hash), body: program(b.program), inverse: program(b.inverse) };
      }
      default:
        return unsupported(node, node.type.replace(/Statement$/, '').toLowerCase() + 's');
    }
  }

  /** A mustache or subexpression: a helper call when it has arguments or names a helper, else a lookup. */
  function call(path: hbs.AST.PathExpression | hbs.AST.Literal, params: hbs.AST.Expression[], h: hbs.AST.Hash | undefined, mustache: boolean): Expr {
    if (path.type !== 'PathExpression') return unsupported(path, 'a literal in place of a name');
    const p = path as hbs.AST.PathExpression;
    const simple = p.parts.length === 1 && p.depth === 0 && !p.data && !/^(\.|this\b)/.test(p.original);
    const hasArgs = params.length > 0 || (h?.pairs.length ?? 0) > 0;
    if (hasArgs || !mustache || (simple && helpers.has(p.parts[0]))) {
      if (!simple || !helpers.has(p.parts[0])) return unsupported(path, `the helper "${p.original}"`);
      return { call: p.parts[0], args: params.map(expr), hash: hash(h) };
    }
    return lookup(p, true);
  }

  function expr(node: hbs.AST.Expression): Expr {
    switch (node.type) {
      case 'PathExpression':
        return lookup(node as hbs.AST.PathExpression, false);
      case 'SubExpression': {
        const s = node as hbs.AST.SubExpression;
        return call(s.path, s.params, s.hash, false);
      }
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral':
        return { lit: (node as hbs.AST.StringLiteral).value };
      case 'NullLiteral':
        return { lit: null };
      case 'UndefinedLiteral':
        return { lit: null, undef: true };
      default:
        return unsupported(node, node.type);
    }
  }

  function lookup(p: hbs.AST.PathExpression, strict: boolean): Expr {
    const out: Expr = { path: [...p.parts], depth: p.depth, line: p.loc?.start.line ?? 0 };
    if (p.data) out.data = true;
    if (strict) out.strict = true;
    return out;
  }

  function hash(h: hbs.AST.Hash | undefined): Array<[string, Expr]> {
    return (h?.pairs ?? []).map((pair) => [pair.key, expr(pair.value)]);
  }

  function unsupported(node: Node, what: string): never {
    throw new SnippetError(file, line(node), `${what} cannot be rendered in the browser (embed, try-it); use {{name}}, the snippet helpers and #if/#unless/#each/#with.`);
  }
}

function line(node: Node): string | undefined {
  return node.loc ? `line ${node.loc.start.line}` : undefined;
}
