// Loaded as the console hydrates (its live code is open at the top): the generated clients as template
// programs (built by /tryit/snippets.json) and the small runner, not the Handlebars compiler.
import type { RequestSpec } from '../../request/index.ts';
import { fromSnippetPrograms, renderRequest, type SnippetPrograms, type SnippetVariant } from '../../snippets/runtime.ts';
import type { TryItProps } from '../../tryit/index.ts';

export type RenderSnippets = (spec: RequestSpec) => SnippetVariant[];

export async function loadRenderer(url: string, props: TryItProps): Promise<RenderSnippets> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const programs = (await response.json()) as SnippetPrograms;
  const compiled = fromSnippetPrograms(programs);
  return (spec) => renderRequest(programs, compiled, { spec, response: props.response, followUp: props.followUp });
}
