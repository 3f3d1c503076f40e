// Before a request becomes code: every name and value must be something each generated client
// can send exactly (the templates quote them; this refuses what no quoting can carry). A refusal
// names the operation (api, method and path, the field) so the author can fix the spec.
import type { FollowUp, RequestSpec } from '../request/index.ts';
import { toHeaderPairs } from '../request/index.ts';
import { SnippetError } from './errors.ts';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const METHOD = /^[A-Z]+$/;
/** Header values every client sends as the same bytes: visible ASCII, spaces and tabs, not at the ends. */
const HEADER_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?$/;
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// curl reads `name=` up to the first `=`; `"` `\` CR LF are encoded differently by each multipart encoder.
const PART_NAME = /^[^=\0"\\\r\n]+$/;

export function checkRequest(spec: RequestSpec, followUp?: FollowUp): void {
  check(spec, spec);
  if (followUp) check(followUp.request, spec);
}

function check(request: RequestSpec, owner: RequestSpec): void {
  const refuse = (what: string, why: string): never => {
    throw new SnippetError(`openapi/${owner.api}`, `operation ${owner.operation} (${owner.method} ${owner.path})`, `${what} ${why}; no snippet can send it as written. Change it in the spec.`);
  };
  const show = (text: string) => JSON.stringify(text);
  if (!METHOD.test(request.method)) refuse(`method ${show(request.method)}`, 'is not an HTTP method');
  const key = request.auth?.in === 'header' ? request.auth : undefined;
  for (const [name, value] of toHeaderPairs(request)) {
    if (!TOKEN.test(name)) refuse(`header name ${show(name)}`, 'is not a valid HTTP header name (letters, digits and !#$%&\'*+-.^_`|~ only)');
    // The key is the reader's (the console shows it masked with •): only what would split the header is refused.
    if (key && name === key.name && value === key.prefix + key.key) {
      if (/[\0-\x1f\x7f]/.test(value)) refuse(`the key sent in ${name}`, 'holds a control character or line break');
      continue;
    }
    if (!HEADER_VALUE.test(value)) refuse(`the value of header ${name} (${show(value)})`, 'holds characters outside visible ASCII (or a line break), which clients encode differently or refuse');
  }
  // A shell argument cannot hold a NUL byte; in a URL it is percent-encoded, in JSON escaped.
  for (const [name, value] of request.query) {
    if (name.includes('\0') || value.includes('\0')) refuse(`query parameter ${show(name)}`, 'holds a NUL character');
  }
  const body = request.body;
  if (body?.kind === 'text' && body.text.includes('\0')) refuse('the text body', 'holds a NUL character');
  if (body && !MEDIA_TYPE.test(body.mediaType.split(';')[0].trim())) refuse(`media type ${show(body.mediaType)}`, 'is not a media type');
  if (body?.kind === 'multipart') {
    for (const part of body.parts) {
      if (!PART_NAME.test(part.name)) refuse(`multipart field name ${show(part.name)}`, 'holds = " \\ a line break or NUL (curl -F cannot send it)');
      if ('value' in part && part.value.includes('\0')) refuse(`the value of multipart field ${show(part.name)}`, 'holds a NUL character');
      if ('filename' in part && (/["\\\0\r\n]/.test(part.filename) || part.filename === '')) refuse(`the file name ${show(part.filename)} of field ${show(part.name)}`, 'holds " \\ a line break or NUL');
      if ('filename' in part && !MEDIA_TYPE.test(part.contentType)) refuse(`the content type ${show(part.contentType)} of field ${show(part.name)}`, 'is not a plain media type');
    }
  }
}
