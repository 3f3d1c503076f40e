import { expect, test } from '@playwright/test';
import { loadApis } from '../../src/openapi/index.node.ts';
import { createValidatorCompiler, validatorGroups } from '../../src/tryit/index.node.ts';
import { forbidEval, openConsole } from './tryit-helpers.ts';

// A group whose named schemas reach too far for build-time code (Microsoft Graph's) ships its
// operations' schemas and checks them in the browser with @cfworker/json-schema (the `compile`
// helper) against the API's response-schemas.json. No seed spec reaches that far, so this serves
// melancholy's group the way a Graph page gets it (reach limit 0) and checks the console behaves
// as with build-time code, on a page whose Content-Security-Policy forbids eval, as a strict
// site's does: Ajv compiling in the browser (`new Function`) could not run there.
test('request validators compiled in the browser show the same inline errors, under a CSP without unsafe-eval', async ({ page }) => {
  const api = (await loadApis('openapi')).find((a) => a.id === 'melancholy')!;
  const group = validatorGroups(api).byOperation.get('create-image')!;
  const ops = validatorGroups(api).groups.get(group)!.map((slug) => api.operations.find((op) => op.slug === slug)!);
  const code = createValidatorCompiler(api, { componentsUrl: '/tryit/melancholy/response-schemas.json', reachLimit: 0 })(ops, '/tryit/ajv.runtime');
  expect(code).toContain('__rt_compile(');
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.route(`**/tryit/melancholy/${group}.js`, (route) => route.fulfill({ body: code, contentType: 'text/javascript' }));
  const refused = await forbidEval(page, ['**/reference/melancholy/create-image/']);

  const tryit = await openConsole(page, 'melancholy', 'create-image');
  await tryit.getByRole('button', { name: 'Form' }).click();
  await tryit.getByLabel(/^n/).fill('0');
  await expect(tryit.locator('[data-field="body:n"] .tryit-errors')).toHaveText('must be at least 1');
  await tryit.getByRole('button', { name: 'JSON' }).click();
  await tryit.getByLabel('Request body (JSON)').fill('{"n": 0, "size": "big"}');
  const problems = tryit.getByRole('list', { name: 'Problems in the body' });
  await expect(problems).toContainText('prompt is required');
  await expect(problems).toContainText('size must match the pattern');
  await expect(problems).toContainText('n must be at least 1');
  expect(fetched).toContain('/tryit/ajv.runtime/compile.js');
  expect(refused).toEqual([]);
  expect(fetched.filter((path) => path === '/tryit/melancholy/response-schemas.json')).toHaveLength(1);
});
