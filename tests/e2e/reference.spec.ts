// Reference pages in a real browser, on the built site: an operation page, a nested schema
// opened with the keyboard (and without JavaScript), an operation found through Pagefind,
// what search indexes of a page, and no page that leaks "undefined" or "[object Object]".
import { expect, test } from '@playwright/test';

const CHAT = '/reference/melious/create-chat-completion/';

test('an operation page shows its method, path, sections and sidebar link', async ({ page }) => {
  await page.goto(CHAT);
  await expect(page.getByRole('heading', { level: 1, name: 'Create a chat completion' })).toBeVisible();
  const pathLine = page.locator('.path-line');
  await expect(pathLine.locator('.method')).toHaveText('POST');
  await expect(pathLine.locator('code.path')).toContainText('/v1/chat/completions');
  for (const name of ['Request body', 'Responses', 'Errors']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  // The sidebar has a real link to this page, marked current, with its method badge.
  const current = page.locator('nav[aria-label="Main"] a[aria-current="page"]');
  await expect(current).toHaveAttribute('href', CHAT);
  await expect(current).toContainText('POST');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /assistant turn/);
});

test('a nested schema opens from the keyboard', async ({ page }) => {
  await page.goto(CHAT);
  const body = page.locator('#request-body ~ *').locator('details.sv-kids').first();
  const summary = body.locator(':scope > summary');
  await expect(body).not.toHaveAttribute('open', '');
  // Start sequential focus navigation at the section heading, then Tab to the first toggle.
  await page.getByRole('heading', { level: 2, name: 'Request body' }).click();
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await summary.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'the schema toggle is reachable with Tab').toBe(true);
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body).toHaveAttribute('open', '');
  await expect(body.locator('.sv-row').first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(body).not.toHaveAttribute('open', '');
});

test('schemas open without JavaScript (details/summary)', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(CHAT);
  // Each response is one line; its detail opens from the keyboard too.
  const response = page.locator('#responses ~ * details.resp').first();
  await response.locator(':scope > summary').focus();
  await page.keyboard.press('Enter');
  await expect(response).toHaveAttribute('open', '');
  const details = response.locator('details.sv-kids').first();
  await details.locator(':scope > summary').focus();
  await page.keyboard.press('Space');
  await expect(details).toHaveAttribute('open', '');
  await expect(details.locator('.sv-row').first()).toBeVisible();
  await context.close();
});

// A field's name weighs more on an operation page than on a schema page: a reader who searches
// a request field wants the operation first (Pagefind favours short pages, and schema pages
// came first: CreateTranscriptionRequest, CreateMessageRequest, then the operations).
test('search for a request field lists the operations that take it first', async ({ page }) => {
  await page.goto('/');
  await page.locator('site-search button[data-open-modal]').click();
  await page.locator('#starlight__search input').fill('temperature');
  const links = page.locator('.pagefind-ui__result-link');
  await expect(links.first()).toBeVisible({ timeout: 15_000 });
  // Each page's link is followed by its sub-results (sections of that page, `#…`): the pages, in order.
  const paths = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const pages = [...new Set(paths)];
  expect(pages.slice(0, 3).sort()).toEqual(['/reference/melious/create-chat-completion/', '/reference/melious/create-message/', '/reference/melious/create-transcription/']);
  // Two APIs have a "Create a chat completion": each result names its API.
  const titles = await page.locator('.pagefind-ui__result-title > .pagefind-ui__result-link').allTextContents();
  expect(titles).toEqual(expect.arrayContaining(['Create a chat completion · Melious API', 'Create a chat completion · AI/ML API']));
});

test('Pagefind finds an operation page by its summary', async ({ page }) => {
  await page.goto('/');
  await page.locator('site-search button[data-open-modal]').click();
  const input = page.locator('#starlight__search input');
  await input.fill('transcribe audio');
  const result = page.locator('.pagefind-ui__result-link', { hasText: 'Transcribe audio to text' }).first();
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(result).toHaveAttribute('href', /\/reference\/melious\/create-transcription\/$/);
  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Transcribe audio to text' })).toBeVisible();
});

test('search indexes each fact at its home: the operation\'s own fields, not its samples, menus or nested named schemas', async ({ page }) => {
  await page.goto(CHAT);
  const rows = await page.evaluate(() => {
    const all = [...document.querySelectorAll('.op-fields .sv-row[id]')];
    const nested = all.filter((r) => r.closest('[data-pagefind-ignore]'));
    // The named schema a nested row belongs to: the type link of the row that unfolds it.
    const holder = nested[0]?.closest('details.sv-kids')?.parentElement;
    return {
      own: all.filter((r) => !r.closest('[data-pagefind-ignore]')).map((r) => r.id),
      nested: nested.map((r) => r.id),
      schema: holder?.querySelector(':scope > .sv-head .sv-type a')?.getAttribute('href') ?? '',
      schemaName: holder?.querySelector(':scope > .sv-head .sv-type a')?.textContent ?? '',
    };
  });
  expect(rows.own.length).toBeGreaterThan(3);
  expect(rows.nested.length).toBeGreaterThan(3);
  expect(rows.schema).toMatch(/\/reference\/melious\/schemas\/[^/]+\/$/);

  // What Pagefind stored for a page, through its own browser API (the one Starlight's search uses).
  const indexed = (query: string, url: string) =>
    page.evaluate(async ([query, url, script]) => {
      const pagefind = await import(script);
      const { results } = await pagefind.search(query);
      for (const r of results) {
        const data = await r.data();
        if (data.url === url) return { content: data.content as string, anchors: (data.anchors as Array<{ id: string }>).map((a) => a.id) };
      }
      return null;
    }, [query, url, '/pagefind/pagefind.js'] as const);

  const chat = await indexed('chat completion', CHAT);
  expect(chat, 'the chat completion page is in the index').not.toBeNull();
  expect(chat!.anchors).toEqual(expect.arrayContaining(rows.own));
  for (const id of rows.nested) expect(chat!.anchors, `${id} is indexed on its schema's page`).not.toContain(id);
  // The page menu, the section list and the request samples are not the page's text.
  expect(chat!.content).not.toContain('Open in Claude');
  expect(chat!.content).not.toMatch(/\bcurl\b/);
  expect(chat!.content).not.toContain('Back to examples');
  // Words of a row or of the path line are words, not glued to their neighbours.
  expect(chat!.content).toMatch(/\bPOST https:\/\/\S+\/v1\/chat\/completions\b/);
  expect(chat!.content).toMatch(/\bmax_tokens integer\b/);
  expect(chat!.content).toMatch(/\bmodel string required\b/);
  expect(chat!.content).toMatch(/\bAuthentication Bearer token\b/);
  expect(chat!.content).toContain('X-Vault-Key');
  expect(chat!.content).not.toMatch(/Name\s*Type\s*Description/);
  expect(chat!.content).toMatch(/\b200 The completion\b/);
  // Eight error responses share the Error schema: its fields are searched once on the page.
  expect(chat!.content.split('The body of every error response').length - 1).toBe(1);

  const schema = await indexed(rows.schemaName, rows.schema);
  expect(schema, `${rows.schemaName}'s own page is in the index`).not.toBeNull();
  expect(schema!.anchors.filter((id) => id.includes('.')).length, 'its fields are indexed there').toBeGreaterThan(0);
});

test('every reference page has a title, a description and no leaked undefined or [object Object]', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  const paths = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/reference\/[^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(paths.length).toBeGreaterThan(40);
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    expect(html, path).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(html, path).toMatch(/<meta name="description" content="[^"]+"/);
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';
    const text = main.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');
    expect(text, path).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b/);
  }
});
