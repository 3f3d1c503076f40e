// Sends one request and reads the answer as it arrives: the head (status, headers, time to
// first byte) as soon as it is there, then the body piece by piece, so streams show live and a
// body cut in the middle is told apart from one that ended.
import { SANDBOX_HEADER } from '../request/index.ts';

export interface ResponseHead {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  contentType: string;
  /** The answer came from the sandbox upstream, not the real API. */
  sandbox: boolean;
  /** From sending to the response headers. */
  ttfbMs: number;
}

export type ResponseBody = { kind: 'text'; text: string } | { kind: 'binary'; blob: Blob };

export interface SendOutcome {
  head?: ResponseHead;
  body?: ResponseBody;
  totalMs: number;
  bytes: number;
  /** `aborted`: the reader pressed Cancel. `cut`: the connection dropped mid-body. `network`: no answer at all. */
  ending: 'complete' | 'aborted' | 'cut' | 'network';
  error?: string;
}

export interface SendHandlers {
  onHead?(head: ResponseHead): void;
  /** Decoded text of a text body, piece by piece. */
  onText?(text: string, bytesSoFar: number): void;
}

export interface SendDeps {
  fetch: (request: Request) => Promise<Response>;
  now: () => number;
}

const BINARY = /^(image|audio|video)\/|^application\/(octet-stream|pdf|zip)/i;

export function isBinary(contentType: string): boolean {
  return BINARY.test(contentType);
}

export async function sendRequest(request: Request, deps: SendDeps, handlers: SendHandlers = {}): Promise<SendOutcome> {
  const started = deps.now();
  let response: Response;
  try {
    response = await deps.fetch(request);
  } catch (error) {
    return { totalMs: deps.now() - started, bytes: 0, ending: request.signal.aborted ? 'aborted' : 'network', error: messageOf(error) };
  }
  const contentType = response.headers.get('content-type') ?? '';
  const head: ResponseHead = {
    status: response.status, statusText: response.statusText, headers: [...response.headers], contentType,
    sandbox: response.headers.has(SANDBOX_HEADER), ttfbMs: deps.now() - started,
  };
  handlers.onHead?.(head);
  const chunks: Uint8Array[] = [];
  const texts: string[] = [];
  const binary = isBinary(contentType);
  const decoder = new TextDecoder();
  let bytes = 0;
  let ending: SendOutcome['ending'] = 'complete';
  let error: string | undefined;
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (binary) chunks.push(value);
        else {
          const text = decoder.decode(value, { stream: true });
          texts.push(text);
          handlers.onText?.(text, bytes);
        }
      }
      if (!binary) {
        const rest = decoder.decode();
        if (rest) {
          texts.push(rest);
          handlers.onText?.(rest, bytes);
        }
      }
    } catch (failure) {
      ending = request.signal.aborted ? 'aborted' : 'cut';
      error = messageOf(failure);
    }
  }
  const body: ResponseBody = binary ? { kind: 'binary', blob: new Blob(chunks as BlobPart[], { type: contentType }) } : { kind: 'text', text: texts.join('') };
  return { head, body, totalMs: deps.now() - started, bytes, ending, ...(error ? { error } : {}) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
