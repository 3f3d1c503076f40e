// The OAuth e2e site: a real authorization server (oidc-provider) and resource API on a free
// loopback port, a test spec pointing at them beside the public specs, and the docs site built
// under a base path (`/docs`, where OAuth redirect URIs break most often) and served on its own
// free port with its proxy. Everything the site process prints is kept, to look for tokens in it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { startAuthServer, testSpec, type AuthServer } from '../fixtures/oauth/auth-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const BASE = '/docs';
const OUT = 'dist-oauth-e2e';
const SPECS = 'tests/.output/oauth-specs';

export interface OAuthSite {
  url: string;
  auth: AuthServer;
  /** stdout + stderr of the site process so far. */
  output(): string;
  close(): Promise<void>;
}

export async function startOAuthSite(): Promise<OAuthSite> {
  // By default both ports are free ones and the site is built. While working on the tests,
  // OAUTH_E2E_PORT pins them (site, then the authorization server) and OAUTH_E2E_REUSE_BUILD=1
  // reuses the last build of the same spec (only when no site code changed since).
  const pinned = Number(process.env.OAUTH_E2E_PORT) || 0;
  const port = pinned || (await freePort());
  const url = `http://127.0.0.1:${port}${BASE}`;
  const auth = await startAuthServer([`${url}/tryit/oauth.callback/`], pinned ? pinned + 1 : 0);
  const specs = join(ROOT, SPECS);
  rmSync(specs, { recursive: true, force: true });
  mkdirSync(specs, { recursive: true });
  // The guides embed consoles of the public APIs, so they come along.
  for (const file of readdirSync(join(ROOT, 'openapi'))) symlinkSync(join(ROOT, 'openapi', file), join(specs, file));
  const spec = testSpec(auth.origin, auth.issuer);
  writeFileSync(join(specs, 'things.json'), spec);
  const env = { ...process.env, API_SPECS_DIR: SPECS, SITE_BASE: BASE };
  const stamp = join(ROOT, OUT, 'spec-stamp.json');
  if (!pinned || process.env.OAUTH_E2E_REUSE_BUILD !== '1' || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== spec) {
    const build = await run(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', OUT], env);
    if (build.code !== 0) throw new Error(`The OAuth test site did not build:\n${build.output.slice(-3000)}`);
    writeFileSync(stamp, spec);
  }

  let output = '';
  const site: ChildProcess = spawn(process.execPath, ['src/server/start.node.ts'], {
    cwd: ROOT,
    env: {
      ...env, SITE_DIST: OUT, PORT: String(port), SANDBOX_PORT: String(await freePort()),
      API_BASE_URL_THINGS: 'spec', API_ALLOW_PRIVATE_THINGS: '1', PROXY_RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  site.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  site.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor(async () => (await fetch(`${url}/`).catch(() => undefined))?.ok === true, 30_000, () => output);
  return {
    url,
    auth,
    output: () => output,
    async close() {
      site.kill('SIGTERM');
      await auth.close();
    },
  };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(program, args, { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, log: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The OAuth test site did not start:\n${log().slice(-2000)}`);
}
