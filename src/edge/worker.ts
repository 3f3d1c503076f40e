// The Worker in Cloudflare's module format: `export default createWorker(data)` in the entry
// the build generates (build.node.ts), with the specs and validators bundled in. One app per
// isolate: its rate-limit counters and open-stream slots live as long as the isolate does.
import { createEdgeApp, type EdgeApp } from './create-edge-app.ts';
import type { EdgeData, WorkerEnv } from './types.ts';

export interface WorkerModule {
  fetch(request: Request, env: WorkerEnv): Promise<Response>;
}

export function createWorker(data: EdgeData): WorkerModule {
  let app: EdgeApp | Error | undefined;
  const appFor = (env: WorkerEnv): EdgeApp | Error => {
    if (app !== undefined) return app;
    try {
      app = createEdgeApp(data, env, (url, init) => fetch(url, init));
      for (const line of app.lines) console.log(line);
    } catch (error) {
      // A wrong variable: every dynamic route says which, the static site still works.
      app = error instanceof Error ? error : new Error(String(error));
      console.error(app.message);
    }
    return app;
  };
  return {
    async fetch(request, env) {
      const current = appFor(env);
      if (!(current instanceof Error)) return current.handle(request);
      if (env.ASSETS !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
        const asset = await env.ASSETS.fetch(request);
        if (asset.status !== 404) return asset;
      }
      const body = { error: { code: 'EDGE_CONFIG_ERROR', message: current.message, details: {} } };
      return new Response(JSON.stringify(body), { status: 500, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
    },
  };
}
