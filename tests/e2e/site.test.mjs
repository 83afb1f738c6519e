// The site as a visitor meets it: every route with JavaScript off and on, hydration that keeps
// the pre-rendered page, client-side navigation, and the 404 page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newContext, openPage, waitForApp } from './harness.mjs';

// Each route of the example content with its heading and a phrase of its introduction.
const ROUTES = [
  { path: '/', heading: 'Quillfeather Trust Center', text: 'more than 2,000 finance teams' },
  { path: '/certifications/', heading: 'Certifications', text: 'Independent auditors check' },
  { path: '/security/', heading: 'Security', text: 'organised in layers' },
  { path: '/subprocessors/', heading: 'Subprocessors', text: 'third parties that process' },
  { path: '/data-privacy/', heading: 'Data & Privacy', text: 'how long we keep it' },
  { path: '/documents/', heading: 'Documents', text: 'Data Processing Agreement' },
  { path: '/disclosure/', heading: 'Vulnerability disclosure', text: 'security researchers' },
  { path: '/faq/', heading: 'Frequently asked questions', text: 'questionnaires ask us' },
  { path: '/updates/', heading: 'Updates', text: 'new certifications' },
];
const NAV_LABELS = ['Overview', 'Certifications', 'Security', 'Subprocessors', 'Data & Privacy',
  'Documents', 'Disclosure', 'FAQ', 'Updates'];

const site = useSite();

test('every route is served as complete HTML', async () => {
  for (const route of ROUTES) {
    const res = await fetch(site.server.origin + route.path);
    assert.equal(res.status, 200, route.path);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    const html = await res.text();
    assert.ok(html.includes(route.heading.replace('&', '&amp;')), `${route.path}: heading in the HTML`);
    assert.ok(html.includes(route.text), `${route.path}: introduction in the HTML`);
    assert.match(html, /<link rel="canonical" href="https:\/\/trust\.quillfeather\.example/);
  }
});

test('every route reads fully with JavaScript off', async () => {
  const context = await newContext(site.browser, { javaScriptEnabled: false });
  try {
    for (const route of ROUTES) {
      const { page, problems } = await openPage(context);
      await page.goto(site.server.origin + route.path);
      assert.equal(await page.locator('h1').innerText(), route.heading, route.path);
      assert.ok((await page.locator('main').innerText()).includes(route.text), route.path);
      assert.deepEqual(await page.locator('.site-nav a').allInnerTexts(), NAV_LABELS);
      assert.match(await page.locator('footer').innerText(), /security@quillfeather\.example/);
      assert.match(await page.title(), /Quillfeather Trust Center$/);
      assert.equal(await page.locator('html[data-hydrated]').count(), 0, 'no script ran');
      assert.deepEqual(problems, []);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('every route hydrates from the Wasm app with a clean console and keeps its DOM', async () => {
  const context = await newContext(site.browser);
  // Tag the pre-rendered heading as soon as the HTML is parsed, before the Wasm can run;
  // after hydration the same node must still be there (no re-render, no flash).
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const h1 = document.querySelector('h1');
      if (h1) h1.dataset.prerendered = 'yes';
      window.__prerenderedH1 = h1;
    });
  });
  try {
    for (const route of ROUTES) {
      const { page, problems } = await openPage(context);
      await page.goto(site.server.origin + route.path);
      await waitForApp(page);
      const same = await page.evaluate(() => document.querySelector('h1') === window.__prerenderedH1);
      assert.ok(same, `${route.path}: the pre-rendered <h1> survived hydration`);
      const wasm = await page.evaluate(() =>
        performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length);
      assert.equal(wasm, 1, `${route.path}: the Wasm module was fetched once`);
      assert.equal(await page.locator('h1').innerText(), route.heading);
      assert.equal(
        await page.locator('.site-nav a[aria-current="page"]').innerText(),
        NAV_LABELS[ROUTES.indexOf(route)],
        `${route.path}: the current section is marked`,
      );
      assert.deepEqual(problems, [], route.path);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('the navigation loads each section as its own page, marks it current, and brings its islands to life', async () => {
  const context = await newContext(site.browser);
  const { page, problems } = await openPage(context);
  try {
    await page.goto(site.server.origin + '/');
    await waitForApp(page);
    for (const route of [...ROUTES.slice(1), ROUTES[0]]) {
      await page.locator('.site-nav a', { hasText: new RegExp(`^${NAV_LABELS[ROUTES.indexOf(route)]}$`) }).click();
      await page.waitForURL(site.server.origin + route.path);
      await waitForApp(page);
      assert.equal(await page.locator('h1').innerText(), route.heading);
      assert.ok((await page.locator('main').innerText()).includes(route.text), route.path);
      assert.deepEqual(await page.locator('.site-nav a[aria-current=page]').allInnerTexts(), [NAV_LABELS[ROUTES.indexOf(route)]]);
      const title = await page.title();
      assert.ok(title.endsWith('Quillfeather Trust Center'), title);
      // The header's search box is an island on every page: live, not the static placeholder.
      assert.ok(await page.locator('#search-input').isEnabled(), `${route.path}: search box live`);
    }
    // Back and forward move through the history of pages.
    await page.goBack();
    await page.waitForURL(site.server.origin + ROUTES.at(-1).path);
    assert.equal(await page.locator('h1').innerText(), ROUTES.at(-1).heading);
    await page.goForward();
    await page.waitForURL(site.server.origin + '/');
    await page.locator('.section-cards a', { hasText: 'Security' }).click();
    await page.waitForURL(site.server.origin + '/security/');
    assert.equal(await page.locator('h1').innerText(), 'Security');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an unknown path gets the 404 page, with JavaScript on and off', async () => {
  const res = await fetch(site.server.origin + '/no/such/page/');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /Page not found/);

  for (const javaScriptEnabled of [false, true]) {
    const context = await newContext(site.browser, { javaScriptEnabled });
    try {
      const { page, problems } = await openPage(context);
      const response = await page.goto(site.server.origin + '/no/such/page/');
      assert.equal(response.status(), 404);
      if (javaScriptEnabled) await waitForApp(page);
      assert.equal(await page.locator('h1').innerText(), 'Page not found');
      assert.match(await page.title(), /^Page not found/);
      // The way out works from the 404 page, in the app when it runs.
      await page.locator('main a', { hasText: 'Go to the overview' }).click();
      await page.waitForURL(site.server.origin + '/');
      assert.equal(await page.locator('h1').innerText(), ROUTES[0].heading);
      // The document's own 404 response (and Chromium's console line for it) is expected;
      // anything else is a problem.
      const expected = [`HTTP 404: ${site.server.origin}/no/such/page/`,
        'console.error: Failed to load resource: the server responded with a status of 404 (Not Found)'];
      assert.deepEqual(problems.filter((p) => !expected.includes(p)), [], `javaScriptEnabled=${javaScriptEnabled}`);
      assert.equal(problems.length, expected.length, problems.join('\n'));
    } finally {
      await context.close();
    }
  }
});

test('a path without its trailing slash is redirected to the section', async () => {
  const res = await fetch(site.server.origin + '/security', { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/security/');
});
