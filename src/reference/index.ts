// The reference box: page data for reference pages (outlines, parameter rows, schema HTML,
// sidebars, URLs), computed once and handed to components that only render.
export { exampleToHtml, highlightEventStream, highlightJson, type ExampleHtml } from './example-html.ts';
export { formatValue, displayName, typeLabel, isNullable, constraintsOf } from './format.ts';
export { markdownToHtml, markdownToInlineHtml, markdownToPlainText } from './markdown.ts';
export { operationListHtml } from './operation-list.ts';
export {
  PARAMETER_GROUPS, isErrorStatus, statusClass, splitResponses, operationOutline, authOptions, authOptional, describeScheme,
  type OutlineHeading, type AuthOption,
} from './operation-outline.ts';
export { toParamRows, type ParamRow } from './param-rows.ts';
export { createSchemaRenderer, type SchemaMode, type SchemaRenderer, type SchemaRendererOptions } from './schema-html.ts';
export { viewOf, isArraySchema, alternativesOf, additionalSchema, hasChildren, unfoldTarget, childCount, type Schemas, type SchemaView } from './schema-view.ts';
export {
  FULL_SIDEBAR_LIMIT, methodBadge, operationLabel, tagAnchor, createApiSidebar,
  type BadgeVariant, type SidebarLink, type SidebarGroup, type SidebarItem, type SidebarInput,
} from './sidebar.ts';
export { toPanels, type SnippetPanel } from './snippet-panels.ts';
export { createReferenceUrls, type ReferenceUrls } from './urls.ts';
