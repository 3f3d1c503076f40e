import type { OperationRequest, RequestSpec } from '../request/index.ts';
import { toRequestView, type RequestView } from './request-view.ts';
import { run, sortVariants, type CompiledSnippets, type SnippetShape, type SnippetVariant } from './variants.ts';

/** The group whose folders are the generated clients: `_generated/http`, `_generated/openai`, ... */
export const GENERATED_GROUP = '_generated';

export interface RenderRequestOptions {
  /** Seconds between polls in create-then-poll samples. */
  pollSeconds?: number;
}

/**
 * Code for one request in every generated client that can send it: plain HTTP in each
 * language always, an SDK where the operation is the SDK's own. Async tasks (a follow-up)
 * get a create-then-poll sample in the plain HTTP clients; SDK clients show the create call.
 */
export function renderRequest(
  registry: { snippets: Record<string, SnippetShape> },
  compiled: CompiledSnippets,
  input: Pick<OperationRequest, 'response' | 'followUp'> & { spec: RequestSpec },
  options: RenderRequestOptions = {},
): SnippetVariant[] {
  const view = toRequestView(input.spec, input.response, input.followUp, options.pollSeconds);
  const variants: SnippetVariant[] = [];
  for (const snippet of Object.values(registry.snippets).filter((s) => s.group === GENERATED_GROUP).sort(byClient)) {
    const requires = snippet.config.requires;
    if (requires && !view[requires]) continue;
    for (const t of sortVariants(snippet)) {
      const context = { ...snippet.config.payload, ...(view as unknown as Record<string, unknown>) };
      variants.push({
        key: `${snippet.name}.${t.alias}`,
        language: t.language,
        label: requires ? `${t.language.label} · ${snippet.config.title}` : t.language.label,
        code: run(compiled, `${snippet.id}/${t.alias}`, context),
      });
    }
  }
  return variants;
}

// Plain HTTP clients first, then SDKs in name order.
function byClient(a: { name: string }, b: { name: string }): number {
  return (a.name === 'http' ? -1 : 0) - (b.name === 'http' ? -1 : 0) || a.name.localeCompare(b.name);
}

export type { RequestView };
