import { resolveSchema, schemaTypes, type ApiModel, type MediaType, type Operation } from '../openapi/index.ts';

/** What a request carries, by location, before validation. Query and header values are still strings. */
export interface RequestInput {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  header: Record<string, string>;
  /** Parsed JSON, form fields as an object, text, or undefined when there is no body. */
  body?: unknown;
  /** The documented media type the body was read as. */
  media?: MediaType;
}

export interface InputProblem {
  status: 400 | 415;
  field: string;
  message: string;
}

export async function readInput(api: ApiModel, operation: Operation, request: Request, url: URL, pathParams: Record<string, string>): Promise<RequestInput | InputProblem> {
  const input: RequestInput = { path: pathParams, query: {}, header: {} };
  for (const param of operation.parameters) {
    if (param.in === 'query') {
      const values = url.searchParams.getAll(param.name);
      if (values.length === 0) continue;
      const isArray = schemaTypes(resolveSchema(api.schemas, param.schema)).includes('array');
      input.query[param.name] = !isArray ? values[0] : param.explode === false ? values[0].split(',') : values;
    } else if (param.in === 'header') {
      const value = request.headers.get(param.name);
      if (value !== null) input.header[param.name.toLowerCase()] = value;
    }
  }
  const spec = operation.requestBody;
  if (spec === undefined || request.body === null) {
    return spec?.required ? { status: 400, field: 'body', message: 'body: a request body is required' } : input;
  }
  const sent = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const media = spec.content.find((m) => mediaMatches(m.type, sent));
  if (media === undefined) {
    const accepted = spec.content.map((m) => m.type).join(', ');
    return { status: 415, field: 'header.content-type', message: `Content-Type "${sent || '(none)'}" is not accepted here; send ${accepted}` };
  }
  input.media = media;
  if (/[/+]json$/.test(media.type) || media.type === 'application/json') {
    const text = await request.text();
    if (text.trim() === '') return spec.required ? { status: 400, field: 'body', message: 'body: a request body is required' } : input;
    try {
      input.body = JSON.parse(text);
    } catch (error) {
      return { status: 400, field: 'body', message: `body: not valid JSON (${(error as Error).message})` };
    }
  } else if (media.type === 'multipart/form-data' || media.type === 'application/x-www-form-urlencoded') {
    try {
      input.body = fromForm(await request.formData());
    } catch {
      return { status: 400, field: 'body', message: `body: not a valid ${media.type} body` };
    }
  } else if (media.type.startsWith('text/')) {
    input.body = await request.text();
  } else {
    await request.arrayBuffer(); // binary uploads are taken as they are
  }
  return input;
}

function mediaMatches(documented: string, sent: string): boolean {
  const type = documented.toLowerCase();
  if (type === sent || type === '*/*') return true;
  return type.endsWith('/*') && sent.startsWith(type.slice(0, -1));
}

/** Form fields as an object: repeated names become arrays, files their name (validated as strings). */
function fromForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    const item = typeof value === 'string' ? value : value.name || 'file';
    const previous = out[name];
    out[name] = previous === undefined ? item : Array.isArray(previous) ? [...previous, item] : [previous, item];
  }
  return out;
}
