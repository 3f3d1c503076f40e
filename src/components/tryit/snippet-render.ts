// Loaded only when the reader opens the code panel: the snippet engine with its templates.
import type { RequestSpec } from '../../request/index.ts';
import { compileSnippets, createRegistry, renderRequest, type SnippetVariant, type SourceFile } from '../../snippets/index.ts';
import type { TryItProps } from '../../tryit/index.ts';

export type RenderSnippets = (spec: RequestSpec) => SnippetVariant[];

export async function loadRenderer(url: string, props: TryItProps): Promise<RenderSnippets> {
  const files = (await (await fetch(url)).json()) as SourceFile[];
  const registry = createRegistry(files, 'snippets');
  const compiled = compileSnippets(registry);
  return (spec) => renderRequest(registry, compiled, { spec, response: props.response, followUp: props.followUp });
}
