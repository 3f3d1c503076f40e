// The embed bundle as other sites use it: plain HTML pages on a second origin include
// /embed/snippets.js from the built site (the Playwright web server) and get widgets.
// Expected code comes from the snippet engine itself (Handlebars), not from copies.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { compileSnippets, renderSnippet } from '../../src/snippets/index.ts';
import { loadSnippets } from '../../src/snippets/registry.node.ts';
import { hostPage, settled, SITE, startHost, type Host } from './embed-host.ts';

const registry = loadSnippets('snippets');
const compiled = compileSnippets(registry);
const code = (id: string, lang: string, overrides: Record<string, string> = {}) =>
  renderSnippet(registry, compiled, id, overrides).variants.find((v) => v.language.id === lang)!.code;

const XSS = '"><img src=x onerror=alert(1)>';
const LIGHT_STRING = 'rgb(3, 47, 98)'; // github-light string colour
const DARK_STRING = 'rgb(158, 203, 255)'; // github-dark string colour

const THREE = `
<h1>Three snippets</h1>
<snippet data-name="melious.chat-completion" data-model="super" data-base-url="https://api.example.com/v2"></snippet>
<p>Between the snippets.</p>
<snippet data-name="melancholy.chat-completion"></snippet>
<div data-snippet="aimlapi.embeddings" data-model="text-embedding-3-large"></div>
<div id="late"></div>`;

const XSS_PAGE = `<snippet data-name="melious.chat-completion" data-model='${XSS.replaceAll("'", '&#39;')}'></snippet>`;

const ERRORS = `
<snippet data-name="melious.nope"></snippet>
<snippet data-name="../../etc/passwd"></snippet>
<snippet data-name="melious.chat-completion" data-model="ok"></snippet>`;

// Host styles meant to be left alone, and the same page later without any embed.
const HOST_STYLE = `<style>
body { font: 17px/1.6 Georgia, serif; color: #222; background: #fdfcf8; margin: 24px; }
h1 { color: #803; letter-spacing: .02em } p { margin: 0 0 1em } a { color: #06c }
pre, code { font-family: "Courier New", monospace; background: #eee; padding: 2px } pre { padding: 12px }
button { border-radius: 0; padding: 4px 9px } span.tag { color: teal } div.box { border: 2px dashed #999; padding: 8px }
ul li { list-style: square }
</style>`;
const STYLED = `${HOST_STYLE}
<h1>Styled host</h1><p>Text with <a href="#x">a link</a>, <code>inline code</code> and <span class="tag">a span</span>.</p>
<pre>host pre block</pre><button>Host button</button><div class="box">A box</div><ul><li>one</li><li>two</li></ul>
<snippet data-name="melious.chat-completion"></snippet>
<div data-snippet="melious.embeddings" data-model="m"></div>`;

const HOSTILE = `<style>
* { color: red !important; font: 30px/3 serif !important; background: yellow !important; margin: 9px !important; }
span { display: none !important } pre { white-space: normal !important } button { display: none !important }
snippet, div, snp-widget { border: 5px solid lime !important; padding: 20px !important }
</style>
<snippet data-name="melious.chat-completion"></snippet>`;

let host: Host;

test.beforeAll(async () => {
  host = await startHost({
    '/three.html': hostPage(THREE),
    '/xss.html': hostPage(XSS_PAGE),
    '/errors.html': hostPage(ERRORS),
    '/styled-bare.html': hostPage(STYLED, { install: false }),
    '/hostile.html': hostPage(HOSTILE),
    '/theme.html': hostPage(`<snippet data-name="melious.chat-completion"></snippet><snippet data-name="melious.embeddings" data-theme="dark"></snippet>`),
  });
  expect(new URL(host.url).origin).not.toBe(new URL(SITE).origin);
});
test.afterAll(() => host.close());

const widget = (page: Page, n: number): Locator => page.locator('snippet, [data-snippet]').nth(n);
const shown = (w: Locator) => w.locator('pre code');
/** The colour of the base URL, a string in every language. */
const stringColour = (w: Locator) => w.locator('pre code span', { hasText: 'https://' }).first().evaluate((s) => getComputedStyle(s).color);

test('renders every snippet highlighted with its data-* overrides, from another origin', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${host.url}/three.html`);
  await settled(page, 3);
  await expect(widget(page, 0).locator('snp-widget')).toHaveAttribute('state', 'ready');
  // data-base-url reaches {{baseUrl}} (kebab-case → camelCase, as the seed bundle read dataset).
  await expect(shown(widget(page, 0))).toHaveText(code('melious.chat-completion', 'shell', { model: 'super', baseUrl: 'https://api.example.com/v2' }));
  await expect(shown(widget(page, 1))).toHaveText(code('melancholy.chat-completion', 'shell'));
  await expect(shown(widget(page, 2))).toHaveText(code('aimlapi.embeddings', 'shell', { model: 'text-embedding-3-large' }));
  for (let i = 0; i < 3; i++) {
    expect(await widget(page, i).locator('pre code span').count()).toBeGreaterThan(10);
    expect(await stringColour(widget(page, i))).toBe(LIGHT_STRING);
  }
  await expect(widget(page, 0).locator('.title')).toHaveText('Create a chat completion');
  await expect(widget(page, 0).getByRole('link', { name: /Docs/ })).toHaveAttribute('href', `${SITE}/reference/melious/create-chat-completion/`);
  // Only the snippets on the page were fetched, and no highlighter: the overrides were patched in.
  const json = requests.filter((u) => u.endsWith('.json')).map((u) => new URL(u).pathname).sort();
  expect(json).toEqual(['/embed/s/aimlapi/embeddings.json', '/embed/s/melancholy/chat-completion.json', '/embed/s/melious/chat-completion.json']);
  expect(requests.some((u) => u.includes('highlight-browser'))).toBe(false);
});

test('tabs switch, and the language picked is remembered by every widget on the page', async ({ page }) => {
  await page.goto(`${host.url}/three.html`);
  await settled(page, 3);
  await widget(page, 1).getByRole('tab', { name: 'Python' }).click();
  await expect(widget(page, 1).getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true');
  await expect(shown(widget(page, 1))).toHaveText(code('melancholy.chat-completion', 'python'));
  await expect(shown(widget(page, 0))).toHaveText(code('melious.chat-completion', 'python', { model: 'super', baseUrl: 'https://api.example.com/v2' }));
  await expect(shown(widget(page, 2))).toHaveText(code('aimlapi.embeddings', 'python', { model: 'text-embedding-3-large' }));
  expect(await stringColour(widget(page, 0))).toBe(LIGHT_STRING);
  // Keyboard: arrow right moves to the next tab.
  await widget(page, 0).getByRole('tab', { name: 'Python' }).press('ArrowRight');
  await expect(shown(widget(page, 2))).toHaveText(code('aimlapi.embeddings', 'javascript', { model: 'text-embedding-3-large' }));
});

test('copy puts the plain code of the shown tab on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  await page.goto(`${host.url}/three.html`);
  await settled(page, 3);
  await widget(page, 0).getByRole('tab', { name: 'JavaScript' }).click();
  await widget(page, 0).getByRole('button', { name: 'Copy' }).click();
  await expect(widget(page, 0).getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code('melious.chat-completion', 'javascript', { model: 'super', baseUrl: 'https://api.example.com/v2' }));
});

test('snippets added or changed after load are picked up', async ({ page }) => {
  await page.goto(`${host.url}/three.html`);
  await settled(page, 3);
  // A single-page app appending an element, and a Markdown renderer writing HTML.
  await page.evaluate(() => {
    const s = document.createElement('snippet');
    s.dataset.name = 'melious.embeddings';
    s.dataset.model = 'late-model';
    document.body.append(s);
    document.getElementById('late')!.innerHTML = '<p>Rendered later:</p><div data-snippet="melancholy.image-generation"></div>';
  });
  await settled(page, 5);
  await expect(shown(page.locator('snippet[data-name="melious.embeddings"]'))).toHaveText(code('melious.embeddings', 'shell', { model: 'late-model' }));
  await expect(shown(page.locator('#late [data-snippet]'))).toHaveText(code('melancholy.image-generation', 'shell'));
  // Changing an attribute re-renders that widget.
  await page.evaluate(() => document.querySelector('snippet[data-name="melancholy.chat-completion"]')!.setAttribute('data-model', 'changed'));
  await expect(shown(widget(page, 1))).toHaveText(code('melancholy.chat-completion', 'shell', { model: 'changed' }));
});

test('a data-* value made of HTML renders as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${host.url}/xss.html`);
  await settled(page, 1);
  const w = widget(page, 0);
  await expect(shown(w)).toHaveText(code('melious.chat-completion', 'shell', { model: XSS }));
  for (const lang of ['Python', 'JavaScript']) {
    await w.getByRole('tab', { name: lang }).click();
    await expect(shown(w)).toContainText('\\"><img src=x onerror=alert(1)>');
  }
  // The quote ends no string in the patch: the browser highlighter did these (and coloured them).
  expect(requests.some((u) => u.includes('highlight-browser'))).toBe(true);
  expect(await w.locator('pre code span').count()).toBeGreaterThan(10);
  const images = await page.evaluate(() => {
    const roots: ParentNode[] = [document, ...[...document.querySelectorAll('snp-widget')].map((h) => h.shadowRoot!)];
    return roots.reduce((n, r) => n + r.querySelectorAll('img').length, 0);
  });
  expect(images).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test('a broken or unknown name shows a small inline error and the other widgets still work', async ({ page }) => {
  await page.goto(`${host.url}/errors.html`);
  await settled(page, 3);
  await expect(widget(page, 0).getByRole('alert')).toHaveText('⚠ unknown snippet "melious.nope".');
  await expect(widget(page, 1).getByRole('alert')).toHaveText(/"\.\.\/\.\.\/etc\/passwd" is not a snippet name; names look like group\.name/);
  await expect(widget(page, 2).locator('snp-widget')).toHaveAttribute('state', 'ready');
  await expect(shown(widget(page, 2))).toHaveText(code('melious.chat-completion', 'shell', { model: 'ok' }));
});

test("the host page's own styles are the same before and after the bundle runs", async ({ page }) => {
  await page.goto(`${host.url}/styled-bare.html`);
  const snapshot = () =>
    page.evaluate(() => {
      const props = ['color', 'background-color', 'font-family', 'font-size', 'line-height', 'margin-top', 'margin-bottom', 'padding-top', 'padding-left', 'border-top-style', 'border-top-width', 'border-radius', 'display', 'list-style-type', 'letter-spacing', 'width'];
      // Heights are left out: the page grows by the widgets' content, as it should.
      return [...document.querySelectorAll('html, body, h1, p, a, code, pre, button, span, div.box, ul, li')].map((el) => {
        const style = getComputedStyle(el);
        return `${el.tagName}.${el.className}: ${props.map((p) => `${p}=${style.getPropertyValue(p)}`).join(' ')}`;
      });
    });
  const before = await snapshot();
  await page.evaluate((site) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${site}/embed/snippets.css` });
    const script = Object.assign(document.createElement('script'), { type: 'module', src: `${site}/embed/snippets.js` });
    document.head.append(link, script);
  }, SITE);
  await settled(page, 2);
  expect(before.length).toBeGreaterThan(10);
  expect(await snapshot()).toEqual(before);
});

test("the host page's CSS, even !important on *, does not reach into a widget", async ({ page }) => {
  await page.goto(`${host.url}/hostile.html`);
  await settled(page, 1);
  const w = widget(page, 0);
  const token = w.locator('pre code span', { hasText: 'https://' }).first();
  await expect(token).toBeVisible();
  expect(await token.evaluate((s) => getComputedStyle(s).color)).toBe(LIGHT_STRING);
  const pre = await w.locator('pre').evaluate((el) => ({ ...Object.fromEntries(['font-family', 'white-space', 'background-color', 'font-size'].map((p) => [p, getComputedStyle(el).getPropertyValue(p)])) }));
  expect(pre).toEqual({ 'font-family': expect.stringContaining('monospace'), 'white-space': 'pre', 'background-color': 'rgb(255, 255, 255)', 'font-size': '13px' });
  await expect(w.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(w.getByRole('tab', { name: 'Python' })).toBeVisible();
});

test('light and dark follow prefers-color-scheme, data-theme on the element, and data-theme on <html>', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${host.url}/theme.html`);
  await settled(page, 2);
  expect(await stringColour(widget(page, 0))).toBe(LIGHT_STRING);
  expect(await stringColour(widget(page, 1))).toBe(DARK_STRING); // data-theme="dark" on the element
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => stringColour(widget(page, 0))).toBe(DARK_STRING);
  expect(await widget(page, 0).locator('pre').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(36, 41, 46)');
  // A site theme switch (Starlight sets data-theme on <html>) wins over the system setting.
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  await expect.poll(() => stringColour(widget(page, 0))).toBe(LIGHT_STRING);
  expect(await stringColour(widget(page, 1))).toBe(DARK_STRING);
});

test('the docs page gives the install block with this site\'s URL and shows live widgets', async ({ page }) => {
  await page.goto('/guides/embed/');
  await expect(page.locator('.expressive-code').first()).toContainText('<script async type="module" src="');
  await expect(page.locator('.expressive-code').first()).toContainText('/embed/snippets.js"></script>');
  await settled(page, 2);
  await expect(shown(page.locator('snippet').nth(1))).toContainText('"model": "glm-4.7:eco"');
  await expect(page.getByRole('cell', { name: 'melious.chat-completion' })).toBeVisible();
});
