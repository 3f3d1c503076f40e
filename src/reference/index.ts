// The reference box: page data for reference pages (outlines, parameter rows, schema HTML,
// sidebars, URLs), computed once and handed to components that only render.
export { exampleToHtml } from './example-html.ts';
export { constraintsOf, displayName, formatValue, searchTitle, typeLabel } from './format.ts';
export { markdownToHtml, markdownToInlineHtml, markdownToPlainText } from './markdown.ts';
export { operationListHtml, tagListHtml, type TagListItem } from './operation-list.ts';
export {
  PARAMETER_GROUPS, statusClass, splitResponses, operationOutline, authOptions, authOptional, describeScheme,
} from './operation-outline.ts';
export { toParamRows } from './param-rows.ts';
export { renderInOrder } from './ordered-renderer.ts';
export { createSchemaRenderer, OPERATION_FIELD_SEARCH_WEIGHT, pageSchemaCaps, type SchemaMode, type SchemaRenderer } from './schema-html.ts';
// The schema view and format helpers also serve the AI box's Markdown field lists.
export { additionalSchema, alternativesOf, hasChildren, unfoldTarget, viewOf, type Schemas, type SchemaView } from './schema-view.ts';
export { operationLabel, createApiSidebar } from './sidebar.ts';
export { createTagHref, hasTagPages, tagAnchor, tagPagePath, tagPageTitle, tagPages, type TagPage } from './tag-pages.ts';
export { schemaListHref, schemaListPages, schemaListSlice, schemaListTitle, schemaListSegment, sortedSchemaListPages } from './schema-list-pages.ts';
export { toPanels, toSamplePanels, showsGenerated, snippetBlockId, type SnippetPanel } from './snippet-panels.ts';
export { createReferenceUrls, type ReferenceUrls } from './urls.ts';
export { createVersionContexts, versionLinks, operationBadge, changeAnchor, changelogContexts, changelogMeta, changelogRulesHref, changelogSummary, CHANGE_KIND_TEXT, type VersionContext, type VersionLink, type VersionBadge } from './version-context.ts';
export { responseExamples, type ResponseExample } from './response-examples.ts';
