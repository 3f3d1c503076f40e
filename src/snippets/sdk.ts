import type { RequestSpec } from '../request/index.ts';

/** How an official SDK calls an operation: `client.chat.completions.create(...)`. */
export interface SdkCall {
  sdk: 'openai' | 'anthropic';
  /** The SDK's base URL option: the server URL plus the path before the SDK's own part. */
  baseUrl: string;
  /** JavaScript method path: `chat.completions.create`. */
  js: string;
  /** Python method path: `chat.completions.create`. */
  py: string;
  /** The call takes the path parameter as its first argument (`models.retrieve(id)`). */
  pathArg?: string;
  /** Field to print from a plain result; the whole result as JSON when absent. */
  print?: string[];
  /** Field holding the text of each streamed chunk. */
  delta?: string[];
  /** The result is a raw HTTP response with bytes (speech, file content). */
  binary?: boolean;
}

interface Route {
  method: string;
  /** The operation's path must end like this; `{}` matches one path parameter. */
  suffix: string;
  js: string;
  py?: string;
  print?: string[];
  delta?: string[];
  binary?: boolean;
}

const OPENAI: Route[] = [
  { method: 'POST', suffix: '/chat/completions', js: 'chat.completions.create', print: ['choices', '0', 'message', 'content'], delta: ['choices', '0', 'delta', 'content'] },
  { method: 'POST', suffix: '/completions', js: 'completions.create', print: ['choices', '0', 'text'], delta: ['choices', '0', 'text'] },
  { method: 'POST', suffix: '/embeddings', js: 'embeddings.create' },
  { method: 'POST', suffix: '/images/generations', js: 'images.generate' },
  { method: 'POST', suffix: '/moderations', js: 'moderations.create' },
  { method: 'POST', suffix: '/audio/speech', js: 'audio.speech.create', binary: true },
  { method: 'POST', suffix: '/audio/transcriptions', js: 'audio.transcriptions.create' },
  { method: 'GET', suffix: '/models', js: 'models.list' },
  { method: 'GET', suffix: '/models/{}', js: 'models.retrieve' },
  { method: 'POST', suffix: '/files', js: 'files.create' },
  { method: 'GET', suffix: '/files', js: 'files.list' },
  { method: 'GET', suffix: '/files/{}', js: 'files.retrieve' },
  { method: 'GET', suffix: '/files/{}/content', js: 'files.content', binary: true },
  { method: 'DELETE', suffix: '/files/{}', js: 'files.delete' },
  { method: 'POST', suffix: '/batches', js: 'batches.create' },
  { method: 'GET', suffix: '/batches', js: 'batches.list' },
  { method: 'GET', suffix: '/batches/{}', js: 'batches.retrieve' },
  { method: 'POST', suffix: '/batches/{}/cancel', js: 'batches.cancel' },
];

const ANTHROPIC: Route[] = [
  { method: 'POST', suffix: '/v1/messages', js: 'messages.create', print: ['content', '0', 'text'] },
  { method: 'POST', suffix: '/v1/messages/count_tokens', js: 'messages.countTokens', py: 'messages.count_tokens' },
];

/** The SDK call for a request, when its method and path are the SDK's own (a trailing slash is not). */
export function sdkCallOf(spec: RequestSpec, sdk: 'openai' | 'anthropic'): SdkCall | undefined {
  for (const route of sdk === 'openai' ? OPENAI : ANTHROPIC) {
    if (route.method !== spec.method) continue;
    const pattern = new RegExp(`^(.*?)${route.suffix.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{}', '\\{([^/{}]+)\\}')}$`);
    const match = pattern.exec(spec.path);
    if (!match) continue;
    const prefix = match[1];
    // An OpenAI base URL ends at the version segment; the Anthropic SDK adds `/v1` itself.
    if (sdk === 'openai' && !/\/v\d+[a-z]*$/.test(prefix)) continue;
    return {
      sdk,
      baseUrl: spec.baseUrl + prefix,
      js: route.js,
      py: route.py ?? route.js,
      pathArg: match[2] ? spec.pathParams[match[2]] : undefined,
      print: route.print,
      delta: route.delta,
      binary: route.binary,
    };
  }
  return undefined;
}
