import { describe, expect, it } from 'vitest';

// The public surface of the reference box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/reference/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'PARAMETER_GROUPS', 'additionalSchema', 'alternativesOf', 'authOptional', 'authOptions', 'constraintsOf', 'createApiSidebar',
      'createReferenceUrls', 'createSchemaRenderer', 'describeScheme', 'displayName', 'exampleToHtml', 'formatValue', 'hasChildren',
      'markdownToHtml', 'markdownToInlineHtml', 'markdownToPlainText', 'operationLabel', 'operationListHtml', 'operationOutline',
      'splitResponses', 'statusClass', 'tagAnchor', 'toPanels', 'toParamRows', 'typeLabel', 'unfoldTarget', 'viewOf',
    ]);
  });
  it('src/reference/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'getReferenceData', 'getSnippets', 'referenceSidebarGroup', 'requireApi', 'requireOperation',
    ]);
  });
});
