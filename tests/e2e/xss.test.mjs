// The XSS corpus (tests/fixtures/xss-content: hostile text in every field a visitor sees), built
// with the real app and served with the generated headers, in Chromium: nothing in it executes
// (every payload would call __xss('<where>')), no dialog opens, the CSP is never tripped (a
// violation means something tried to run), no element carries a handler, a script URL or a
// script of content's, nothing breaks the app, and the hostile text shows as text. With
// JavaScript on (hydrated, then navigating in the app, hovering, clicking and tabbing through the
// hostile links, searching, filling the questionnaire with a hostile file) and off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, newContext, openPage, renderAll, waitForApp } from './harness.mjs';

const CORPUS = resolve('../fixtures/xss-content');
const APP_DIR = process.env.APP_DIR;
/** The one script the site writes into its pages (Trunk inlines it as it is). */
const STARTER = readFileSync(resolve('../../src/js/islands.js'), 'utf8');

const BRAND = 'Evil<script>__xss("org-name")</script>"><img src=data:, onerror=__xss("org-name-img")>';

/** What a visitor must see, as text, on each route (besides the name in the header). */
const SHOWN = {
  '/': ['Overview"><script>__xss("page-title")</script>', '<script>__xss("md-code")</script>', '</script><script>__xss("tagline")</script> {{__xss("tagline-tpl")}}'],
  '/certifications/': ['Certifications</title><script>__xss("page-cert-title")</script>', 'ISO <script>__xss("cert-name")</script>', 'Q3 <script>__xss("cert-expected")</script>'],
  '/security/': ['Data protection <script>__xss("layer-title")</script>', 'Access reviews \' onmouseover=\'__xss("control-title-2")\' x=\'', 'Data centres <script>__xss("measure")</script>'],
  '/subprocessors/': ['Example Hosting \' onmouseover=\'__xss("hosting-name")\' x=', 'Mailer<script>__xss("sub-name")</script>', 'Hosting also runs backups \' onmouseover=\'__xss("change-2-summary")\' x='],
  '/data-privacy/': ['Europe"><img src=data:, onerror=__xss("region-name")>', 'Frankfurt \' onmouseover=\'__xss("backup")\' x=', 'Names <script>__xss("personal-data")</script>'],
  '/documents/': ['Audit report \' onmouseover=\'__xss("report-title")\' x=\' &amp; <b>bold</b>', 'Security policy "><svg/onload=__xss("policy-title")>', 'The terms "><img src=data:, onerror=__xss("doc-summary")>'],
  '/documents/dpa/': ['Data Processing Agreement</title><script>__xss("doc-title")</script>', '{{annex:measures}}', '{{ constructor.constructor(', '${__xss(', '<%= __xss('],
  '/documents/policy/': ['Security policy "><svg/onload=__xss("policy-title")>', '<script>__xss("policy-fence")</script>'],
  '/documents/audit-report/': ['Audit report \' onmouseover=\'__xss("report-title")\' x=\''],
  '/faq/': ['FAQ </h1><script>__xss("page-faq-title")</script>', 'Is data encrypted"><img src=data:, onerror=__xss("question")>?', 'Where is data stored? </textarea></title></style></noscript><script>__xss("question-2")</script>'],
  '/disclosure/': ['Researcher<script>__xss("hall-of-fame")</script>', 'example.com <script>__xss("in-scope")</script>', 'Another \' onmouseover=\'__xss("hall-of-fame-2")\' x='],
  '/updates/': ['Second update \' onmouseover=\'__xss("update-2-title")\' x=\'', 'Update"><script>__xss("update-title")</script>'],
  '/documents/dpa/dpa.html': ['Data Processing Agreement</title><script>__xss("doc-title")</script>'],
  '/documents/policy/policy.html': ['<script>__xss("policy-fence")</script>'],
};

/** The hostile title each route's tab shows. */
const TITLES = {
  '/faq/': 'FAQ </h1><script>__xss("page-faq-title")</script>',
  '/documents/dpa/': 'Data Processing Agreement</title><script>__xss("doc-title")</script>',
  '/updates/': 'Updates \' onmouseover=\'__xss("page-updates-title")\' x=',
};

const QUERIES = ['<script>__xss("q")</script>', '"><img src=x onerror=__xss("q-img")>', 'javascript:__xss("q-js")'];

let work;
let site;
let browser;
let routes;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'xss-e2e-'));
  const dist = join(work, 'dist');
  execFileSync(process.env.TRUSTCTL, ['build', '--content', CORPUS, '--app', APP_DIR, '--out', dist], {
    env: { ...process.env, TRUST_TODAY: '2026-11-22' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Every page the build wrote, as the address it is served at.
  routes = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('_') && !entry.name.startsWith('.')) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.name === 'index.html') {
        routes.push(prefix);
      } else if (entry.name.endsWith('.html') && prefix.startsWith('/documents/')) {
        routes.push(prefix + entry.name); // the standalone copy of a document
      }
    }
  };
  walk(dist, '/');
  for (const q of QUERIES) routes.push(`/search/?q=${encodeURIComponent(q)}`);
  routes.push('/no-such-page/');
  site = await startServer(dist);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const standalone = (route) => route.endsWith('.html');

/** Arms the page before any of its scripts run: the marker, dialogs and CSP violations. */
async function arm(page) {
  await page.addInitScript(() => {
    window.__xssHits = [];
    window.__xss = (where) => window.__xssHits.push(String(where));
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = (...args) => window.__xssHits.push(`${name}(${args.join(',')})`);
    }
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return dialogs;
}

/** What the page's DOM has that only content could have put there (runs in the page). */
function hostileMarkup(starter) {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc' || name === 'formaction') found.push(`<${el.localName} ${name}="${attr.value}">`);
      if (['href', 'src', 'action', 'data', 'xlink:href', 'poster', 'background'].includes(name)) {
        const v = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        // The site's own empty icon (pages with no logo, standalone documents) is the one data: URL.
        const emptyIcon = el.localName === 'link' && el.rel === 'icon' && attr.value === 'data:,';
        if (/^(javascript|vbscript|data):/.test(v) && !emptyIcon) found.push(`<${el.localName} ${name}="${attr.value}">`);
      }
    }
    if (['iframe', 'frame', 'object', 'embed', 'base', 'svg', 'math', 'portal'].includes(el.localName)) found.push(`<${el.localName}>`);
    if (el.localName === 'meta' && el.hasAttribute('http-equiv')) found.push('<meta http-equiv>');
    if (el.localName === 'style' && el.closest('body')) found.push('<style> in the body');
    if (el.localName === 'script') {
      // The islands' starter, inline (it imports the app's module), and nothing else.
      const own = el.type === 'module' && !el.src && el.textContent === starter;
      if (!own) found.push(`<script src="${el.src}">${el.textContent.slice(0, 60)}`);
    }
  }
  return found;
}

/** Hovers and clicks every link and titled element content could have written, and tabs through the page. */
async function poke(page) {
  const targets = page.locator('main a[href]:not([href^="/"]):not([href^="#"]):not([href^="mailto:"]), main [title], main summary');
  const count = Math.min(await targets.count(), 30);
  for (let i = 0; i < count; i += 1) {
    const target = targets.nth(i);
    if (!(await target.isVisible())) continue;
    await target.hover();
    // A click on an external link would leave the site (and the loopback network has no route
    // out), one on a calendar subscription would hand it to a calendar app; a script URL would
    // run on click, which is what this looks for.
    const href = (await target.getAttribute('href')) ?? '';
    if (!/^(https?|webcal):/.test(href)) await target.click({ noWaitAfter: true }).catch(() => {});
  }
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
}

/** Asserts nothing ran, opened, was blocked or was injected. */
async function check(page, label, dialogs) {
  const { hits, violations } = await page.evaluate(() => ({
    hits: window.__xssHits ?? ['the marker was never armed'],
    violations: window.__cspViolations ?? [],
  }));
  assert.deepEqual(hits, [], `${label}: payloads ran`);
  assert.deepEqual(dialogs, [], `${label}: dialogs opened`);
  assert.deepEqual(violations, [], `${label}: the CSP blocked something`);
  assert.deepEqual(await page.evaluate(hostileMarkup, STARTER), [], `${label}: hostile markup in the DOM`);
}

/** Asserts the route's hostile text is on screen, as text. */
async function shows(page, route, label) {
  await renderAll(page);
  const text = await page.locator('body').innerText();
  const expected = [...(standalone(route) ? [] : [BRAND]), ...(SHOWN[route.split('?')[0]] ?? [])];
  for (const t of expected) assert.ok(text.includes(t), `${label}: ${JSON.stringify(t)} not shown`);
  if (TITLES[route]) assert.ok((await page.title()).includes(TITLES[route]), `${label}: title ${await page.title()}`);
}

/**
 * The console and network stayed clean: nothing failed, no panic in the app. The one 404 is the
 * route's own, the unknown page (standalone documents have an empty icon link, so Chromium does
 * not ask for /favicon.ico there either).
 */
function clean(problems, route) {
  const own404 = route === '/no-such-page/';
  return problems.filter((p) => !(own404 && /^HTTP 404: .*\/no-such-page\/$/.test(p))
    && !(own404 && /^console\.error: Failed to load resource: .* 404/.test(p)));
}

test('with JavaScript on, every route hydrates, shows the corpus as text and runs none of it', async () => {
  assert.ok(routes.length >= 20, `${routes.length} routes`);
  for (const route of routes) {
    const context = await newContext(browser);
    const { page, problems } = await openPage(context);
    const dialogs = await arm(page);
    try {
      await page.goto(site.origin + route);
      if (!standalone(route)) await waitForApp(page);
      await check(page, route, dialogs);
      await shows(page, route, route);
      if (route.startsWith('/search/?q=')) {
        const q = decodeURIComponent(route.split('=')[1]);
        assert.equal(await page.locator('#search-page-input').inputValue(), q, 'the query is in the box, as typed');
      }
      await poke(page);
      await check(page, `${route} after hover, click and tab`, dialogs);
      assert.deepEqual(clean(problems, route), [], `${route}: console or network`);
    } finally {
      await context.close();
    }
  }
});

test('clicking through the site with its islands live shows the corpus as text and runs none of it', async () => {
  const context = await newContext(browser);
  const { page, problems } = await openPage(context);
  const dialogs = await arm(page);
  try {
    await page.goto(site.origin + '/');
    await waitForApp(page);
    // Every section through the navigation.
    const nav = page.locator('.site-nav a');
    const sections = await nav.count();
    assert.ok(sections >= 8, `${sections} sections`);
    for (let i = 0; i < sections; i += 1) {
      const href = await nav.nth(i).getAttribute('href');
      await nav.nth(i).click();
      await page.waitForURL(site.origin + href);
      await waitForApp(page);
      await check(page, `navigation to ${href}`, dialogs);
      await shows(page, href, `navigation to ${href}`);
      await poke(page);
      await check(page, `${href} after hover, click and tab`, dialogs);
    }
    // Into each document the list links to, and back.
    await page.locator('.site-nav a[href="/documents/"]').click();
    await page.waitForURL(`${site.origin}/documents/`);
    const docs = [...new Set(await page.locator('main a[href^="/documents/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')).filter((h) => h.endsWith('/'))))];
    assert.deepEqual(docs.sort(), ['/documents/dpa/', '/documents/policy/']);
    for (const doc of docs) {
      await page.locator(`main a[href="${doc}"]`).first().click();
      await page.waitForURL(site.origin + doc);
      await waitForApp(page);
      await check(page, `navigation to ${doc}`, dialogs);
      await shows(page, doc, `navigation to ${doc}`);
      await page.goBack();
      await page.waitForURL(`${site.origin}/documents/`);
    }
    assert.deepEqual(problems, [], 'console or network');
  } finally {
    await context.close();
  }
});

test('search shows hostile queries and results as text, in the header box and on the results page', async () => {
  const context = await newContext(browser);
  const { page, problems } = await openPage(context);
  const dialogs = await arm(page);
  try {
    await page.goto(`${site.origin}/search/`);
    await waitForApp(page);
    const box = page.locator('#search-page-input');
    for (const query of [...QUERIES, '" onmouseover="__xss(1)', 'xss', 'onmouseover', 'encrypted']) {
      await box.fill(query);
      await page.waitForFunction((q) => document.querySelector('main .search-status')?.textContent.includes(q), query);
      await check(page, `search for ${query}`, dialogs);
      assert.equal(new URL(page.url()).searchParams.get('q'), query, 'the address carries the query as typed');
    }
    // The results quote the hostile titles and text, highlighted but still text.
    await box.fill('script');
    await page.waitForSelector('main .search-results a');
    const results = await page.locator('main .search-results').innerText();
    assert.match(results, /<script>__xss\(/, results);
    assert.ok(await page.locator('main .search-results mark').count() > 0, 'matches are highlighted');
    await check(page, 'results for script', dialogs);

    // The header's box, on a page whose content has an element with the box's id.
    await page.goto(`${site.origin}/`);
    await waitForApp(page);
    await page.locator('header #search-input').fill('onmouseover');
    await page.waitForSelector('#search-results a');
    const popup = await page.locator('#search-results').innerText();
    assert.ok(popup.includes("' onmouseover='__xss("), popup);
    await page.locator('#search-results a').first().hover();
    await check(page, 'the header box', dialogs);
    // A result opens its page (a full load, to land on the anchor): armed again, nothing runs.
    await page.locator('#search-results a').first().click();
    await page.waitForURL((url) => url.pathname !== '/');
    await waitForApp(page);
    await check(page, `a search result: ${page.url()}`, dialogs);

    assert.deepEqual(problems, [], 'console or network');

    // The detectors work: a handler injected the way a sanitiser bug would let one in is both
    // blocked by the CSP (reported) and seen in the DOM.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', "__xss('canary')");
      img.src = 'data:,';
      document.querySelector('main').append(img);
    });
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    await assert.rejects(check(page, 'canary', dialogs), /the CSP blocked something/);
    assert.deepEqual(await page.evaluate(hostileMarkup, STARTER), ['<img onerror="__xss(\'canary\')">', '<img src="data:,">']);
  } finally {
    await context.close();
  }
});

test('the questionnaire shows a hostile questionnaire and the hostile answers as text', async () => {
  const context = await newContext(browser);
  const { page, problems } = await openPage(context);
  const dialogs = await arm(page);
  try {
    await page.goto(`${site.origin}/questionnaire/`);
    await waitForApp(page);
    await page.waitForFunction(() => /Ready: \d+ published answers/.test(document.querySelector('.questionnaire-status')?.textContent ?? ''));
    const csv = [
      'Ref,"Question <img src=x onerror=__xss(\'q-header\')>"',
      'CEK-03.1,"<img src=x onerror=__xss(\'q-cell\')>"',
      'X-2,"Is data encrypted""><img src=data:, onerror=__xss(""question"")>?"',
      'X-3,"Where is data stored? </textarea><script>__xss(\'q-textarea\')</script>"',
      'X-4,"=HYPERLINK(""javascript:__xss(\'q-formula\')"",""x"")"',
    ].join('\r\n');
    await page.setInputFiles('#questionnaire-file', { name: '"><img src=x onerror=__xss(\'file-name\')>.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => /Read “/.test(document.querySelector('.questionnaire-status').textContent));
    await check(page, 'a hostile questionnaire read', dialogs);
    assert.match(await page.locator('.questionnaire-status').innerText(), /"><img src=x onerror=__xss\('file-name'\)>\.csv/);
    await page.getByRole('button', { name: 'Match questions' }).click();
    await page.waitForSelector('table.review tbody tr');
    assert.equal(await page.locator('table.review tbody tr').count(), 4);
    await check(page, 'hostile questions matched', dialogs);
    const table = await page.locator('table.review').innerText();
    assert.ok(table.includes("<img src=x onerror=__xss('q-cell')>"), table);
    assert.ok(table.includes('</textarea><script>__xss(\'q-textarea\')</script>'), table);
    // The proposed answer is the library's hostile answer, as plain text in the editor.
    const answers = await page.locator('table.review textarea').evaluateAll((els) => els.map((e) => e.value).join('\n'));
    assert.match(answers, /__xss/, answers);
    await poke(page);
    await check(page, 'the questionnaire after hover, click and tab', dialogs);
    assert.deepEqual(problems, [], 'console or network');
  } finally {
    await context.close();
  }
});

test('the scripted SVG logo runs nothing: shown as an image, and blocked by the CSP when opened', async () => {
  const context = await newContext(browser);
  const { page } = await openPage(context);
  const dialogs = await arm(page);
  try {
    await page.goto(`${site.origin}/`);
    await waitForApp(page);
    assert.equal(await page.locator('header img.logo').getAttribute('src'), '/assets/logo.svg');
    assert.ok(await page.locator('header img.logo').evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loaded');
    await check(page, 'the logo as an image', dialogs);
    // Opened as a document of its own, its script and handler are the CSP's to stop.
    await page.goto(`${site.origin}/assets/logo.svg`);
    await page.waitForTimeout(300);
    const { hits, violations } = await page.evaluate(() => ({ hits: window.__xssHits, violations: window.__cspViolations }));
    assert.deepEqual(hits, []);
    assert.ok(violations.length >= 2 && violations.every((v) => v.startsWith('script-src')), violations.join('\n'));
    assert.deepEqual(dialogs, []);
  } finally {
    await context.close();
  }
});

test('with JavaScript off, every route shows the corpus as text and runs nothing', async () => {
  for (const route of routes) {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const { page } = await openPage(context);
    const dialogs = [];
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    try {
      await page.goto(site.origin + route);
      assert.deepEqual(dialogs, [], route);
      // The page's own scripts are off; Playwright's evaluation still reads the DOM.
      assert.deepEqual(await page.evaluate(hostileMarkup, STARTER), [], `${route}: hostile markup in the DOM`);
      await shows(page, route, `${route} without JavaScript`);
    } finally {
      await context.close();
    }
  }
});
