import { createRouter, type ApiModel, type Operation, type Router } from '../openapi/index.ts';
import { SANDBOX_HEADER } from '../request/index.ts';
import { missingCredentials } from './check-security.ts';
import { chooseResponse } from './choose-response.ts';
import { toSandboxErrorBody, type SandboxError } from './error-body.ts';
import { readInput } from './read-input.ts';
import { respond } from './respond.ts';
import { createTaskTracker, type TaskTracker } from './tasks.ts';
import { createRequestValidator, type CompiledValidators, type RequestValidator } from './validate-request.ts';

export interface SandboxOptions {
  /** Pause between streamed events (default 30 ms). */
  eventDelayMs?: number;
  /** Source of task ids (default `Math.random`); tests pass a seeded one. */
  random?: () => number;
  /**
   * Request validators compiled at build time, per API id (standalone-validators.ts): for
   * runtimes without code generation. Without them each API's are compiled on demand.
   */
  validators?: Readonly<Record<string, CompiledValidators>>;
}

export type SandboxHandler = (request: Request) => Promise<Response>;

interface PreparedApi {
  api: ApiModel;
  router: Router<Operation>;
  validate: RequestValidator;
  tasks: TaskTracker;
}

/**
 * A Fetch handler answering every operation of every API from its spec, mounted at
 * `/<api id>/<operation path>`. Stages, as in Prism: route → security → input → validate →
 * respond. Nothing about a particular API is written here.
 */
export function createSandbox(apis: readonly ApiModel[], options: SandboxOptions = {}): SandboxHandler {
  const eventDelayMs = options.eventDelayMs ?? 30;
  const random = options.random ?? Math.random;
  const prepared = new Map<string, PreparedApi>();
  for (const api of apis) {
    const operations = api.operations.filter((op) => !op.webhook);
    prepared.set(api.id, { api, router: createRouter(operations), validate: createRequestValidator(api, options.validators?.[api.id]), tasks: createTaskTracker(api, random) });
  }

  return async (request) => {
    const url = new URL(request.url);
    const [, id = '', ...rest] = url.pathname.split('/');
    if (id === '') return json(200, { sandbox: true, apis: apis.map((a) => ({ id: a.id, title: a.title, baseUrl: `/${a.id}` })) });
    const entry = prepared.get(id);
    if (entry === undefined) return json(404, { error: { code: 'SANDBOX_UNKNOWN_API', message: `No API "${id}" in the sandbox; known: ${[...prepared.keys()].join(', ')}.`, details: {} } });
    const { api, router, validate, tasks } = entry;
    const path = '/' + rest.join('/');
    const fail = (operation: Operation | undefined, error: SandboxError, headers: Record<string, string> = {}): Response =>
      json(error.status, toSandboxErrorBody(api, operation, error), headers);

    const route = router.match(request.method, path);
    if (route.kind === 'method') {
      return fail(undefined, { status: 405, code: 'SANDBOX_METHOD_NOT_ALLOWED', message: `${request.method} is not documented for ${path}; use ${route.allowed.join(', ')}.` }, { allow: route.allowed.join(', ') });
    }
    if (route.kind === 'none') return fail(undefined, { status: 404, code: 'SANDBOX_NOT_FOUND', message: `${request.method} ${path} is not an operation of ${api.id}.` });
    const operation = route.operation;

    const missing = missingCredentials(api, operation, request, url.searchParams);
    if (missing !== undefined) return fail(operation, { status: 401, code: 'SANDBOX_UNAUTHORIZED', message: missing });
    const input = await readInput(api, operation, request, url, route.params);
    if ('status' in input) return fail(operation, { status: input.status, code: 'SANDBOX_INVALID_REQUEST', message: input.message, field: input.field });
    const problem = validate(operation, input);
    if (problem !== undefined) return fail(operation, { status: problem.status, code: 'SANDBOX_INVALID_REQUEST', message: problem.message, field: problem.field });

    const choice = chooseResponse(operation, request, input.body);
    return respond({ api, operation, choice, tasks, params: { ...input.query, ...input.path }, eventDelayMs });
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', [SANDBOX_HEADER]: '1', 'cache-control': 'no-store', ...headers } });
}
