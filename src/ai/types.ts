// The AI box's one data file: every Markdown twin, the operation list and the search index,
// as plain JSON. The build writes it once (see DATA_FILE in index.ts); the Node server reads it
// from disk and a Worker bundles or fetches it. Nothing in here is a class or a function.

/** One page's Markdown twin. */
export interface Twin {
  /** Site-absolute URL of the twin: `/reference/melious/create-chat-completion.md`. */
  url: string;
  /** Site-absolute URL of the HTML page it mirrors: `/reference/melious/create-chat-completion/`. */
  page: string;
  title: string;
  description?: string;
  /** Section heading in llms.txt: a guide group label, or an API title. */
  section: string;
  /**
   * `guide`, `overview` (an API's front page), `operation`, `schema` (a schema or a page of the
   * schema list), `changelog` (between an API's versions), `tag` (a big API's group page).
   */
  kind: 'guide' | 'overview' | 'operation' | 'schema' | 'changelog' | 'tag';
  /** API id for reference twins. */
  api?: string;
  markdown: string;
}

/** What `call_operation` needs to build a request without the whole ApiModel. */
export interface CallParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** JSON type names from the schema (`string`, `integer`, `array`): for the error wording only. */
  types: string[];
  enum?: unknown[];
}

export interface OperationEntry {
  api: string;
  operationId: string;
  slug: string;
  method: string;
  path: string;
  summary?: string;
  tags: string[];
  deprecated: boolean;
  /** URL of the operation's twin. */
  twin: string;
  parameters: CallParameter[];
  body?: { required: boolean; mediaTypes: string[] };
  /** The operation can answer with `text/event-stream`. */
  streams: boolean;
}

export interface ApiEntry {
  id: string;
  title: string;
  version: string;
  summary?: string;
  /** Header names that carry this API's key (lower case): `authorization`, `x-api-key`. */
  keyHeaders: string[];
  /** URL of the API's overview twin and of its own llms.txt. */
  twin: string;
  llmsTxt: string;
}

/** A twin as DATA_FILE holds it: its Markdown is the file at `url`, served beside the pages. */
export type TwinEntry = Omit<Twin, 'markdown'> & { markdown?: string };

/**
 * DATA_FILE: AiData without the twins' Markdown, which the site already serves as files (one
 * copy, not two: Microsoft Graph's twins weigh 140 MB). `base` is the site's base path, which
 * the twin URLs start with; a server reads a twin from the static output at its URL minus it.
 */
export interface AiDataFile extends Omit<AiData, 'twins'> {
  twins: TwinEntry[];
  base: string;
}

export interface AiData {
  /** Bumped when the shape changes, so a server can refuse a stale file with a clear message. */
  version: 1;
  site: { title: string; description?: string };
  /** Every twin, in sidebar order: guides by group, then each API's overview, operations, schemas. */
  twins: Twin[];
  apis: ApiEntry[];
  operations: OperationEntry[];
  /** A serialised MiniSearch index over the twins (ids are indexes into `twins`). */
  search: unknown;
}
