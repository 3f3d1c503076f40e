import { describe, expect, it } from 'vitest';

// The public surface of the reference box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/reference/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'CHANGE_KIND_TEXT', 'OPERATION_FIELD_SEARCH_WEIGHT', 'PARAMETER_GROUPS', 'additionalSchema', 'alternativesOf', 'authOptional', 'authOptions', 'changeAnchor', 'changelogContexts', 'changelogMeta', 'changelogRulesHref', 'changelogSummary', 'constraintsOf', 'createApiSidebar',
      'createReferenceUrls', 'createSchemaRenderer', 'createTagHref', 'createVersionContexts', 'describeScheme', 'displayName', 'exampleToHtml', 'formatValue', 'hasChildren',
      'hasTagPages', 'markdownToHtml', 'markdownToInlineHtml', 'markdownToPlainText', 'operationBadge', 'operationLabel', 'operationListHtml', 'operationOutline', 'pageSchemaCaps', 'renderInOrder',
      'responseExamples', 'schemaListHref', 'schemaListPages', 'schemaListSegment', 'schemaListSlice', 'schemaListTitle', 'searchTitle', 'showsGenerated', 'snippetBlockId', 'sortedSchemaListPages', 'splitResponses', 'statusClass', 'tagAnchor', 'tagListHtml', 'tagPagePath', 'tagPageTitle', 'tagPages', 'toPanels', 'toParamRows', 'toSamplePanels', 'typeLabel', 'unfoldTarget', 'versionLinks', 'viewOf',
    ]);
  });
  it('src/reference/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'getReferenceData', 'getSnippets', 'referenceSidebarGroup', 'requireApi', 'requireOperation',
    ]);
  });
});
