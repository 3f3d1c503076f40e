// The one description of an HTTP request. Plain JSON data only: the build hands it to
// the try-it island and the embed, which edit it and render snippets from it.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type HttpVerb = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'OPTIONS' | 'HEAD' | 'PATCH' | 'TRACE';

/** How the key travels, as the operation's security scheme says. */
export interface RequestAuth {
  /** Name of the security scheme in the spec, e.g. `bearerAuth`. */
  scheme: string;
  in: 'header' | 'query';
  /** Header or query parameter name: `Authorization`, `x-api-key`, `api_key`. */
  name: string;
  /** Put before the key: `Bearer `, `Basic `, `session=` (cookie keys), or empty. */
  prefix: string;
  key: string;
}

/** A file sent in a multipart body: snippets read it from `filename` on disk. */
export interface FilePart {
  name: string;
  filename: string;
  contentType: string;
  /** Base64 content, when the try-it console has the bytes; snippets never embed it. */
  data?: string;
}

export interface FieldPart {
  name: string;
  value: string;
}

export type MultipartPart = FieldPart | FilePart;

export type RequestBody =
  | { kind: 'json'; mediaType: string; value: JsonValue }
  | { kind: 'multipart'; mediaType: string; parts: MultipartPart[] }
  | { kind: 'text'; mediaType: string; text: string };

export interface RequestSpec {
  /** API id (`melious`). */
  api: string;
  /** Operation slug (`create-chat-completion`). */
  operation: string;
  method: HttpVerb;
  /** Server URL without a trailing slash: `https://api.melious.ai`. */
  baseUrl: string;
  /** Path template as in the spec: `/v1/models/{id}`. */
  path: string;
  pathParams: Record<string, string>;
  /** Ordered; a name repeats for each item of an array. */
  query: Array<[string, string]>;
  /** Ordered; auth and the body's content type are not in here (see `auth`, `body`). */
  headers: Array<[string, string]>;
  auth?: RequestAuth;
  body?: RequestBody;
  /** The response is read as a Server-Sent Events stream. */
  stream: boolean;
}

/** Where a value of the create response goes in the status request. */
export interface FollowUpParam {
  name: string;
  in: 'path' | 'query' | 'header';
  /** JSON pointer into the create response body, e.g. `/task_id`. */
  pointer: string;
}

/**
 * An asynchronous task: the create operation's response links to a status operation,
 * polled until `statusField` reaches one of `done` or `failed`.
 */
export interface FollowUp {
  link: string;
  /** The status request, with placeholders where the create response's values go. */
  request: RequestSpec;
  params: FollowUpParam[];
  /** JSON pointer of the status value in the status response (`/status`). */
  statusPointer: string;
  done: string[];
  failed: string[];
}
