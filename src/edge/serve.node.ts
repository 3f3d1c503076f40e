// Runs the built Worker locally in workerd (Miniflare from npm), configured from the same
// wrangler config `wrangler deploy` reads, so what runs here is what deploys. Offline: no
// `Request.cf` download, no telemetry, nothing fetched at run time.
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

export interface LocalWorkerOptions {
  /** The generated `wrangler.json` (dist/worker/wrangler.json). */
  configPath: string;
  host?: string;
  /** 0: a free port. */
  port?: number;
  /** Variables for the Worker's env, over the config's `vars`: the README's names (API_BASE_URL_<ID>, PROXY_*). */
  vars?: Record<string, string>;
  /** Each line the Worker prints (`console.log`: the proxy's log lines); default: this process's stdout and stderr. */
  onOutput?: (line: string, stream: 'stdout' | 'stderr') => void;
}

export interface LocalWorker {
  url: string;
  close(): Promise<void>;
}

export async function startLocalWorker({ configPath, host = '127.0.0.1', port = 0, vars = {}, onOutput }: LocalWorkerOptions): Promise<LocalWorker> {
  const { workerOptions, main } = unstable_getMiniflareWorkerOptions(configPath);
  const scriptPath = resolve(dirname(configPath), main ?? 'worker.js');
  const bindings = { ...(workerOptions.bindings ?? {}), ...vars };
  const mf = new Miniflare({
    ...workerOptions,
    name: 'api-docs',
    modules: true,
    modulesRoot: dirname(scriptPath),
    scriptPath,
    bindings,
    // Straight to the Worker's own socket, without Miniflare's entry worker in between (which
    // hides a client's disconnect from the Worker).
    unsafeDirectSockets: [{ host, port }],
    cf: false,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const [stream, name] of [[stdout, 'stdout'], [stderr, 'stderr']] as const) {
        if (onOutput === undefined) stream.pipe(name === 'stdout' ? process.stdout : process.stderr);
        else createInterface({ input: stream }).on('line', (line) => onOutput(line, name));
      }
    },
  } as ConstructorParameters<typeof Miniflare>[0]);
  await mf.ready;
  const url = await mf.unsafeGetDirectURL();
  return { url: url.origin, close: () => mf.dispose() };
}

/** The README's variables found in an environment (`process.env`), for the local Worker's env. */
export function workerVarsFrom(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && /^(API_BASE_URL_|API_ALLOW_PRIVATE_|PROXY_)/.test(name)) out[name] = value;
  return out;
}
