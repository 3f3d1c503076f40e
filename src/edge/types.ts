import type { AiDataFile } from '../ai/index.ts';
import type { ApiModel } from '../openapi/index.ts';
import type { CompiledValidators } from '../sandbox/index.ts';

/** What the build puts into the Worker: the specs as plain JSON, and the sandbox's validators compiled ahead of time. */
export interface EdgeData {
  apis: ApiModel[];
  /** Per API id (workerd forbids compiling them at run time). */
  validators: Readonly<Record<string, CompiledValidators>>;
  /** What `/mcp` answers from (the AI box's data file from the site build); no `/mcp` without it. */
  ai?: AiDataFile;
}

/** The Workers static-assets binding: serves `dist/client`. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** Cloudflare's rate-limiting binding (`ratelimits` in the wrangler config). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The Worker's `env`: the README's variables as strings, and the bindings. */
export interface WorkerEnv {
  ASSETS?: AssetsBinding;
  PROXY_RATE_LIMITER?: RateLimitBinding;
  [name: string]: unknown;
}
