// The parts of an operation (parameters, bodies, responses, media types, examples), read with
// `$ref`s resolved where they stand and schemas converted once.
import type { Example, MediaType, Parameter, ParameterLocation, RequestBody, Response } from './types.ts';
import { convertSchema, type SchemaContext } from './convert-schema.ts';
import { encodePointerToken } from './schema.ts';
import { text } from './spec-text.ts';
import { SpecError } from './errors.ts';

type Json = Record<string, unknown>;
export type Deref = (value: unknown, pointer: string) => Json;

export interface OperationParts {
  mergeParameters(shared: unknown[], own: unknown[], sharedPointer: string, ownPointer: string): Parameter[];
  toRequestBody(raw: Json, pointer: string): RequestBody;
  toResponse(status: string, raw: Json, pointer: string): Response;
}

export function createOperationParts(deref: Deref, ctx: SchemaContext, file: string): OperationParts {
  return { mergeParameters, toRequestBody, toResponse };

  function mergeParameters(shared: unknown[], own: unknown[], sharedPointer: string, ownPointer: string): Parameter[] {
    const byKey = new Map<string, Parameter>();
    shared.forEach((p, i) => add(checked(deref(p, `${sharedPointer}/${i}`), `${sharedPointer}/${i}`)));
    own.forEach((p, i) => add(checked(deref(p, `${ownPointer}/${i}`), `${ownPointer}/${i}`)));
    return [...byKey.values()];
    function add(p: Parameter) {
      byKey.set(`${p.in}:${p.name}`, p);
    }
  }

  /** A header parameter's name must be an HTTP token, or no client (browser, curl, SDK) can send it. */
  function checked(raw: Json, pointer: string): Parameter {
    if (raw.in === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(String(raw.name))) {
      throw new SpecError({ file, pointer: `${pointer}/name` },
        `header parameter name ${JSON.stringify(raw.name)} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~ only, no spaces or colons).`);
    }
    return toParameter(raw);
  }

  function toParameter(raw: Json, location?: ParameterLocation, name?: string): Parameter {
    const fromContent = raw.content ? Object.values(raw.content as Json)[0] as Json | undefined : undefined;
    const where = location ?? (raw.in as ParameterLocation);
    return {
      name: name ?? String(raw.name),
      in: where,
      required: where === 'path' || raw.required === true,
      description: text(raw.description),
      deprecated: raw.deprecated === true,
      schema: convertSchema(raw.schema ?? fromContent?.schema, ctx),
      style: raw.style as string | undefined,
      explode: raw.explode as boolean | undefined,
      examples: toExamples(raw),
    };
  }

  function toRequestBody(raw: Json, pointer: string): RequestBody {
    return { required: raw.required === true, description: text(raw.description), content: toContent(raw.content, pointer) };
  }

  function toResponse(status: string, raw: Json, pointer: string): Response {
    const headers = Object.entries((raw.headers ?? {}) as Json).map(([name, h]) =>
      toParameter(deref(h, `${pointer}/headers/${encodePointerToken(name)}`), 'header', name));
    return { status, description: text(raw.description) ?? '', headers, content: toContent(raw.content, pointer), links: [] };
  }

  function toContent(content: unknown, pointer: string): MediaType[] {
    return Object.entries((content ?? {}) as Json).map(([type, m]) => {
      const media = deref(m, `${pointer}/content/${encodePointerToken(type)}`);
      return { type, schema: media.schema === undefined ? undefined : convertSchema(media.schema, ctx), examples: toExamples(media) };
    });
  }

  function toExamples(raw: Json): Example[] {
    const list: Example[] = [];
    if (raw.example !== undefined) list.push({ name: 'default', value: raw.example });
    for (const [name, e] of Object.entries((raw.examples ?? {}) as Json)) {
      const example = deref(e, `/components/examples/${encodePointerToken(name)}`);
      if (example.value !== undefined) list.push({ name, summary: text(example.summary), value: example.value });
    }
    return list;
  }
}
