import { SnippetError } from './errors.ts';

/** `config.json` of a snippet folder, as seed 004 defines it, plus `requires` for generated clients. */
export interface SnippetConfig {
  /** Shown in the snippet header; defaults to the folder name. */
  title: string;
  /** Link shown beside the snippet. */
  docs?: string;
  /** Template variables and their defaults (camelCase). */
  payload: Record<string, unknown>;
  /** Generated clients only: render only for operations this SDK can call (`openai`, `anthropic`). */
  requires?: 'openai' | 'anthropic';
}

const FIELDS = ['title', 'docs', 'payload', 'requires'];

/** Parses and checks a `config.json`; every problem names the file and the field. */
export function parseConfig(text: string, file: string, fallbackTitle: string): SnippetConfig {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new SnippetError(file, jsonErrorLine(text, error), `invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SnippetError(file, undefined, 'expected an object like {"title": "...", "docs": "https://...", "payload": {...}}.');
  }
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!FIELDS.includes(key)) throw new SnippetError(file, `field "${key}"`, `unknown field; allowed fields are ${FIELDS.join(', ')}.`);
  }
  if (config.title !== undefined && (typeof config.title !== 'string' || config.title.trim() === '')) {
    throw new SnippetError(file, 'field "title"', 'must be a non-empty string.');
  }
  if (config.docs !== undefined && (typeof config.docs !== 'string' || !/^(https?:\/\/|\/)/.test(config.docs))) {
    throw new SnippetError(file, 'field "docs"', `must be a link starting with https://, http:// or /, got ${JSON.stringify(config.docs)}.`);
  }
  const payload = config.payload ?? {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SnippetError(file, 'field "payload"', 'must be an object of template variables, e.g. {"baseUrl": "https://...", "apiKey": "<YOUR_API_KEY>"}.');
  }
  for (const key of Object.keys(payload)) {
    if (key.includes('-')) {
      throw new SnippetError(file, `field "payload.${key}"`, `template variables are camelCase (data-${key} arrives as ${camel(key)}); rename it to "${camel(key)}".`);
    }
  }
  if (config.requires !== undefined && config.requires !== 'openai' && config.requires !== 'anthropic') {
    throw new SnippetError(file, 'field "requires"', `must be "openai" or "anthropic", got ${JSON.stringify(config.requires)}.`);
  }
  return {
    title: (config.title as string | undefined) ?? fallbackTitle,
    docs: config.docs as string | undefined,
    payload: payload as Record<string, unknown>,
    requires: config.requires as SnippetConfig['requires'],
  };
}

function camel(key: string): string {
  return key.replace(/-+([a-z0-9])/gi, (_, c: string) => c.toUpperCase());
}

function jsonErrorLine(text: string, error: unknown): string | undefined {
  const message = String((error as Error).message);
  const line = /line (\d+)/.exec(message)?.[1];
  if (line) return `line ${line}`;
  const position = Number(/position (\d+)/.exec(message)?.[1]);
  return Number.isFinite(position) ? `line ${text.slice(0, position).split('\n').length}` : undefined;
}
