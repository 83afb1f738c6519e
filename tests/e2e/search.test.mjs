// Site search as a reviewer uses it: typing in the header box, the keyboard alone, shared
// `?q=` addresses, and the site without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { useSite, newContext, openPage, visit, waitForApp } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useSite();

/** Opens `path` in a fresh context, counting the requests for the search index from the start. */
async function open(path) {
  const indexRequests = [];
  const opened = await visit(site.browser, site.server.origin + path, {
    beforeLoad: (page) => page.on('request', (r) => {
      if (r.url().endsWith('/_search/index.bin')) indexRequests.push(r.url());
    }),
  });
  return { ...opened, indexRequests };
}

/** The result links the header box shows for `query`, typed one letter at a time. */
async function typeAndList(page, query) {
  const box = page.locator('#search-input');
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await page.waitForFunction((q) => new RegExp(`(results|Nothing found) for “${q}”`).test(document.querySelector('.search .search-status')?.textContent ?? ''), query);
  return page.locator('#search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
}

test('typing finds an answer, a control, a subprocessor and a DPA section', async () => {
  const { context, page, problems, indexRequests } = await open('/');
  try {
    assert.deepEqual(indexRequests, [], 'the index is not fetched before the box is used');
    assert.ok((await typeAndList(page, 'single sign-on')).includes('/faq/#sso'));
    assert.ok((await typeAndList(page, 'encryption at rest')).includes('/security/#encryption-at-rest'));
    assert.ok((await typeAndList(page, 'alpstack')).includes('/subprocessors/#alpstack-cloud'));
    const dpa = await typeAndList(page, 'international transfers');
    assert.ok(dpa.includes('/documents/dpa/#8-international-transfers'), dpa.join(' '));
    // Matches are highlighted and results are grouped under their section.
    assert.ok(await page.locator('#search-results mark').count() > 0);
    assert.ok((await page.locator('.result-section').allInnerTexts()).length > 0);
    assert.equal(indexRequests.length, 1, 'the index is fetched once');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: "/" focuses the box, arrows pick a result, Enter opens its anchor', async () => {
  const { context, page, problems } = await open('/certifications/');
  try {
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.keyboard.type('2fa', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0);
    await page.keyboard.press('ArrowDown');
    const active = await page.locator('#search-input').getAttribute('aria-activedescendant');
    assert.equal(active, 'search-result-0');
    const first = await page.locator('#search-result-0').getAttribute('href');
    // The open list is accessible too (combobox, listbox, options).
    // Through DevTools, not as a page script: the CSP (rightly) refuses inline scripts.
    await page.evaluate(AXE);
    const axe = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } }));
    assert.deepEqual(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id), []);
    assert.equal(first, '/faq/#mfa');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.server.origin + first);
    await waitForApp(page);
    // Ctrl+K focuses the box from the page; Escape closes its list.
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
    await page.keyboard.type('backup', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('#search-results [role=option]').length > 0);
    assert.equal(await page.locator('#search-input').getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#search-input').getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('.search-popup').isHidden(), true);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a shared ?q= address opens its results, and Enter in the box leads there', async () => {
  const { context, page, problems } = await open('/search/?q=where%20is%20data%20stored');
  try {
    await page.waitForFunction(() => /results for/.test(document.querySelector('main .search-status')?.textContent ?? ''));
    assert.equal(await page.locator('#search-page-input').inputValue(), 'where is data stored');
    const links = await page.locator('.search-results a').evaluateAll((ls) => ls.map((a) => a.getAttribute('href')));
    assert.ok(links.includes('/data-privacy/'), links.join(' '));
    // Typing on the results page keeps the address shareable.
    await page.locator('#search-page-input').fill('soc 2');
    await page.waitForURL(/\/search\/\?q=soc%202$/);
    await page.waitForFunction(() => /results for “soc 2”/.test(document.querySelector('main .search-status')?.textContent ?? ''));
    // From the header box, Enter without a selection opens the results page.
    await page.locator('#search-input').fill('pentest');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/\/search\/\?q=pentest$/);
    await waitForApp(page);
    assert.ok(await page.locator('.search-results a[href="/faq/#pentest-report"]').count() === 1);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the sections a page shows are found by their headings, and open at their anchors', async () => {
  const { context, page, problems } = await open('/');
  try {
    // "OpenPGP" is one word: "pgp" finds it through the built-in synonyms, not as a prefix.
    const pgp = await typeAndList(page, 'pgp');
    assert.ok(pgp.includes('/disclosure/#report'), pgp.join(' '));
    const retention = await typeAndList(page, 'retention');
    assert.ok(retention.includes('/data-privacy/#retention'), retention.join(' '));
    const fame = await typeAndList(page, 'hall of fame');
    assert.equal(fame[0], '/disclosure/#hall-of-fame', fame.join(' '));
    await page.locator('#search-results a[href="/disclosure/#hall-of-fame"]').click();
    await page.waitForURL(site.server.origin + '/disclosure/#hall-of-fame');
    await waitForApp(page);
    assert.equal(await page.locator('#hall-of-fame').innerText(), 'Hall of fame');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an empty search says what to try', async () => {
  const { context, page, problems } = await open('/');
  try {
    await typeAndList(page, 'zyxwvutsrq');
    assert.match(await page.locator('.search .search-status').innerText(), /Nothing found for “zyxwvutsrq”/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the box says it needs JavaScript and pages stay browsable', async () => {
  const context = await newContext(site.browser, { javaScriptEnabled: false });
  try {
    const { page, problems } = await openPage(context);
    await page.goto(site.server.origin + '/faq/');
    const box = page.locator('#search-input');
    assert.equal(await box.isDisabled(), true);
    assert.equal(await box.getAttribute('placeholder'), 'Search needs JavaScript');
    await page.goto(site.server.origin + '/search/?q=sso');
    assert.match(await page.locator('main').innerText(), /Search needs JavaScript/);
    assert.ok(await page.locator('.site-nav a').count() >= 9);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
