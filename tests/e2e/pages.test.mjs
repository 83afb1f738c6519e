// What a security reviewer does on the pages: filter and sort the subprocessors, filter controls
// by framework, open and copy an answer, find the DPA's annexes, use the keyboard only; and an
// accessibility audit (axe-core) of every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, newContext, openPage, renderAll, visit, waitForApp } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const SECTIONS = ['/', '/certifications/', '/security/', '/subprocessors/', '/data-privacy/', '/documents/',
  '/disclosure/', '/faq/', '/updates/', '/search/?q=gdpr', '/questionnaire/'];
// Every route of the built site: the sections, each document's page, and the 404 page.
const PAGES = [
  ...SECTIONS,
  ...readdirSync(join(process.env.SITE_DIR, 'documents'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `/documents/${d.name}/`),
  '/no-such-page/',
];

const site = useSite();

const open = (path, options) => visit(site.browser, site.server.origin + path, options);

const visibleRows = (page) => page.locator('table.subprocessors tbody tr:not([hidden])');

test('subprocessors filter by country and sort by name in the app', async () => {
  const { context, page, problems } = await open('/subprocessors/');
  try {
    const all = await visibleRows(page).count();
    assert.ok(all >= 10, `${all} rows`);
    await page.selectOption('select >> nth=1', 'United States');
    const us = await visibleRows(page).count();
    assert.ok(us > 0 && us < all, `${us} of ${all}`);
    for (const cell of await visibleRows(page).locator('td:nth-child(3)').allInnerTexts()) {
      assert.match(cell, /United States/);
    }
    assert.match(await page.locator('.count').innerText(), new RegExp(`^${us} of ${all} shown$`));
    await page.selectOption('select >> nth=1', '');
    assert.equal(await visibleRows(page).count(), all);

    // Each purpose is followed, on its own line, by the categories of data the DPA says the list gives.
    const purpose = await visibleRows(page).first().locator('td').first().innerText();
    assert.match(purpose, /\nData: \S/);

    const names = await visibleRows(page).locator('th a').allInnerTexts();
    await page.getByRole('button', { name: 'Name' }).click();
    assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
    assert.deepEqual(await visibleRows(page).locator('th a').allInnerTexts(), [...names].reverse());

    // Filters that leave nobody say so, not just "0 of N shown" over an empty table.
    const wrap = page.locator('.table-wrap:has(table.subprocessors)');
    const note = () => wrap.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(await note(), 'none');
    await page.fill('.filters input[type="search"]', 'no such subprocessor');
    assert.equal(await visibleRows(page).count(), 0);
    assert.equal(await note(), '"No subprocessor matches these filters."');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the full lists are there and the filters say they are inactive', async () => {
  const { context, page } = await open('/subprocessors/', { javaScriptEnabled: false });
  try {
    assert.ok(await visibleRows(page).count() >= 10);
    assert.equal(await page.locator('.filters fieldset[disabled]').count(), 1);
    await page.goto(site.server.origin + '/security/');
    assert.ok(await page.locator('.control:not([hidden])').count() >= 25);
  } finally {
    await context.close();
  }
});

test('controls filter by framework and requirement', async () => {
  const { context, page, problems } = await open('/security/');
  try {
    const all = await page.locator('.control:not([hidden])').count();
    await page.selectOption('.filters select >> nth=1', 'iso27001');
    await page.fill('.filters input[type="search"]', 'A.8');
    const shown = page.locator('.control:not([hidden])');
    const n = await shown.count();
    assert.ok(n > 0 && n < all, `${n} of ${all}`);
    // Read as text: most of the controls shown are further down than the screen reaches.
    for (const chips of await shown.locator('.chips').allTextContents()) {
      assert.match(chips, /ISO 27001 A\.8/);
    }
    assert.match(await page.locator('.count').innerText(), new RegExp(`^${n} of ${all} controls$`));
    // A requirement holds its sub-requirements, not the ones whose number merely starts alike.
    await page.fill('.filters input[type="search"]', 'A.8.2');
    assert.ok(await shown.count() > 0);
    for (const chips of await shown.locator('.chips').allTextContents()) {
      assert.match(chips, /ISO 27001 A\.8\.2(?!\d)/);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an answer opens from its link and copies to the clipboard', async () => {
  const context = await newContext(site.browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
  const { page, problems } = await openPage(context);
  try {
    await page.goto(site.server.origin + '/faq/#mfa');
    await waitForApp(page);
    const answer = page.locator('details#mfa');
    await page.waitForFunction(() => document.querySelector('details#mfa')?.open === true);
    await answer.getByRole('button', { name: 'Copy answer' }).click();
    await answer.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^Yes\. Users can enrol TOTP/);
    // The label returns, so that a second copy reads as one.
    await answer.getByRole('button', { name: 'Copy answer' }).waitFor({ timeout: 5000 });
    // Another answer, opened by the reader rather than the link, copies its own text.
    const other = page.locator('details#password-policy');
    await other.locator('summary').click();
    await other.getByRole('button', { name: 'Copy answer' }).click();
    await other.getByRole('button', { name: 'Copied' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^Passwords must have at least 12 characters/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript a link to an answer shows it, and only it', async () => {
  const { context, page } = await open('/faq/#sso', { javaScriptEnabled: false });
  try {
    assert.ok(await page.locator('details#sso .prose').first().isVisible(), 'the linked answer reads');
    assert.ok(!(await page.locator('details#mfa .prose').first().isVisible()), 'the others stay closed');
    const top = await page.locator('details#sso').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `the answer is at the top of the screen (${top})`);
  } finally {
    await context.close();
  }
});

test('the DPA page has a table of contents and its generated annexes', async () => {
  const { context, page, problems } = await open('/documents/dpa/');
  try {
    const toc = await page.locator('nav.toc a').allInnerTexts();
    assert.ok(toc.length >= 10, toc.join(' | '));
    assert.ok(toc.includes('Annex III: List of subprocessors'), toc.join(' | '));
    assert.equal(toc.filter((t) => t.includes('List of subprocessors')).length, 1, 'the annex is listed once');
    await page.locator('nav.toc a', { hasText: 'Annex III: List of subprocessors' }).click();
    assert.ok(page.url().endsWith('#annex-iii-list-of-subprocessors'), page.url());
    assert.ok(await page.locator('#annex-subprocessors tbody tr').count() >= 10);
    assert.ok(await page.locator('#annex-measures li').count() >= 20);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('keyboard only: the skip link comes first, is visible, and moves to the content', async () => {
  const { context, page } = await open('/security/');
  try {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), 'Skip to content');
    const box = await focused.boundingBox();
    assert.ok(box && box.y >= 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main' || location.hash === '#main');
    // Tabbing on from the content reaches the filters, then the controls' links.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.getElementById('main').contains(document.activeElement)));
  } finally {
    await context.close();
  }
});

test('no serious or critical accessibility violations on any page (axe-core)', async () => {
  const context = await newContext(site.browser);
  const { page } = await openPage(context);
  const found = [];
  try {
    for (const path of PAGES) {
      await page.goto(site.server.origin + path);
      await waitForApp(page);
      // Through DevTools, not as a page script: the CSP (rightly) refuses inline scripts.
      await page.evaluate(AXE);
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } }));
      for (const v of result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))) {
        found.push(`${path}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(found, []);
});

test('every page fits a 320 px wide screen without sideways scrolling', async () => {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  context.javaScriptEnabled = true;
  const { page } = await openPage(context);
  const wide = [];
  try {
    for (const path of PAGES) {
      await page.goto(site.server.origin + path);
      await waitForApp(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${path}: ${width}px`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(wide, []);
});

// Where every element of the page is with the parts the stylesheet renders only once they near
// the viewport (`content-visibility: auto`, its `@supports (content-visibility: auto)` block)
// rendered in place, and then with that block taken out of the stylesheet, as a browser without
// it reads the page: both in one go on one load, so that nothing the app does in between (a
// status line appearing) can tell them apart.
const layout = () => {
  const deferred = [...document.querySelectorAll('body *')].filter((e) => getComputedStyle(e).contentVisibility === 'auto');
  // The deferred parts' own boxes (and their ancestors') take the room around them that keeps a
  // focus ring unclipped; everything else, inside them and after them, must stay where it was.
  const boxes = new Set(deferred.flatMap((e) => { const up = []; for (let x = e; x; x = x.parentElement) up.push(x); return up; }));
  const places = () => [...document.querySelectorAll('body *')].map((e) => {
    if (boxes.has(e)) return null;
    // A closed answer's text is not on screen either way (Chromium lays it out when asked for
    // its box in one state and not in the other).
    const closed = e.closest('details:not([open])');
    if (closed && !e.closest('summary')) return null;
    const r = e.getBoundingClientRect();
    const name = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ').join('.')}` : ''}`;
    return `${name} ${[r.left, r.top + scrollY, r.width, r.height].map((v) => v.toFixed(1)).join(' ')}`;
  });
  // Rendered in place: the containment that `auto` brings, without the skipping.
  for (const e of deferred) {
    e.style.setProperty('content-visibility', 'visible', 'important');
    e.style.setProperty('contain', 'layout paint style', 'important');
  }
  const rendered = places();
  for (const e of deferred) {
    e.style.removeProperty('content-visibility');
    e.style.removeProperty('contain');
  }
  for (const sheet of document.styleSheets) {
    for (let i = sheet.cssRules.length - 1; i >= 0; i -= 1) {
      if (sheet.cssRules[i].conditionText?.includes('content-visibility')) sheet.deleteRule(i);
    }
  }
  return { deferred: deferred.length, rendered, without: places() };
};

test('parts below the first screen render as they near it, exactly as they would have, and nothing jumps', async () => {
  for (const width of [412, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 823 } });
    context.javaScriptEnabled = true;
    const { page, problems } = await openPage(context);
    try {
      for (const path of PAGES) {
        await page.goto(site.server.origin + path);
        await waitForApp(page);
        const { deferred, rendered, without } = await page.evaluate(layout);
        const moved = rendered.map((place, i) => [place, without[i]]).filter(([a, b]) => a && a !== b);
        assert.deepEqual(moved.slice(0, 3), [], `${path} at ${width} px: ${moved.length} elements are elsewhere than without deferred parts ([rendered, without])`);
        if (['/security/', '/faq/', '/data-privacy/', '/disclosure/'].includes(path)) {
          assert.ok(deferred >= 5, `${path}: ${deferred} parts wait for the viewport`);
        }
      }

      // Reading a long page down to its end and back, or from its end (jumped to: the parts
      // passed over keep their estimated size) up to its top, shifts nothing under the reader's
      // eyes, and what is on screen moves by the distance scrolled and no more.
      for (const path of ['/security/', '/documents/dpa/']) {
        for (const fromEnd of [false, true]) {
          await page.goto(site.server.origin + path);
          await waitForApp(page);
          const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          if (fromEnd) {
            // To the end at once (the End key scrolls smoothly), until the end stays put: the
            // parts rendered there are not the size they were estimated at.
            for (let i = 0, last = -1; i < 10; i += 1) {
              const at = await page.evaluate(() => { window.scrollTo(0, document.documentElement.scrollHeight); return scrollY; });
              await frame();
              if (at === last) break;
              last = at;
            }
          }
          // Counted from here: the jump to the end is the reader's own, and lands where the parts
          // rendered there put the end.
          await page.evaluate(() => {
            window.shifts = [];
            new PerformanceObserver((list) => { for (const e of list.getEntries()) window.shifts.push(e.value); }).observe({ type: 'layout-shift' });
          });
          for (let step = 0; step < 60; step += 1) {
            const moved = await page.evaluate(async ({ up }) => {
              // The element at the middle of the screen, before and after one step.
              const probe = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
              const before = probe.getBoundingClientRect().top;
              const from = scrollY;
              window.scrollBy(0, up ? -600 : 600);
              await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
              const edge = up ? scrollY <= 0 : scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
              // scrollY itself may change by more: the browser keeps what is on screen in place
              // when a part above it renders at another size than estimated (scroll anchoring).
              return { by: probe.getBoundingClientRect().top - before, scrolled: scrollY - from, edge };
            }, { up: fromEnd });
            if (moved.edge) break;
            assert.ok(Math.abs(moved.by - (fromEnd ? 600 : -600)) < 1, `${path}${fromEnd ? ' from its end' : ''}: ${JSON.stringify(moved)}`);
          }
          assert.deepEqual(await page.evaluate(() => window.shifts), [], `layout shifts while scrolling ${path}`);
        }
      }

      // A link into a part far down lands on it, though the parts above it were never rendered.
      const landsOn = async (path, id) => {
        await page.goto(`${site.server.origin}/updates/`);
        await page.goto(`${site.server.origin}${path}#${id}`);
        await waitForApp(page);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const top = await page.locator(`#${id}`).evaluate((e) => e.getBoundingClientRect().top);
        assert.ok(top >= -1 && top <= 24, `${path}#${id} is ${top} px from the top of the screen at ${width} px`);
      };
      await landsOn('/security/', await page.locator('.measure-group[id]').last().getAttribute('id'));
      await landsOn('/faq/', 'offboarding');
      await landsOn('/documents/dpa/', 'annex-iii-list-of-subprocessors');

      // Printed, every part is there; and the standalone copy of a document, a file to keep and
      // capture whole, waits for nothing.
      const waiting = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => getComputedStyle(e).contentVisibility === 'auto').length);
      for (const path of ['/security/', '/documents/dpa/', '/faq/']) {
        await page.goto(site.server.origin + path);
        assert.ok(await waiting() > 0, path);
        await page.emulateMedia({ media: 'print' });
        assert.equal(await waiting(), 0, `${path} printed`);
        await page.emulateMedia({ media: 'screen' });
      }
      await page.goto(`${site.server.origin}/documents/dpa/dpa.html`);
      assert.equal(await waiting(), 0, 'the standalone DPA');
      // The unknown page answers 404, as it must.
      assert.deepEqual(problems.filter((p) => !p.includes('/no-such-page/') && !p.includes('status of 404')), []);
    } finally {
      await context.close();
    }
  }
});

// Every computed property of every element and of its `::before` and `::after` (after a first
// call, what changed since it: the first few), with every part rendered: the sizes of parts not
// yet rendered (`content-visibility: auto`) are resolved when asked, in one state and not in the
// other. The first record stays in the page: on the FAQ it is 44 million characters.
const computedStyles = () => {
  if (!window.allRendered) {
    window.allRendered = document.createElement('style');
    window.allRendered.textContent = '* { content-visibility: visible !important }';
    document.head.append(window.allRendered);
  }
  const now = [...document.querySelectorAll('*')].filter((e) => e !== window.wholeSheet && e !== window.allRendered).flatMap((e) => [null, '::before', '::after'].map((pseudo) => {
    const s = getComputedStyle(e, pseudo);
    let out = `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.getAttribute('class') ?? ''}${pseudo ?? ''}`;
    // A pseudo-element without content is not there: its content says so, and that is all.
    if (pseudo && ['none', 'normal'].includes(s.content)) return `${out};content:${s.content}`;
    for (let i = 0; i < s.length; i += 1) out += `;${s[i]}:${s.getPropertyValue(s[i])}`;
    return out;
  }));
  const before = window.stylesBefore;
  window.stylesBefore = now;
  if (!before) return [];
  return before.flatMap((a, i) => (a === now[i] ? [] : [[a.split(';')[0], a.split(';').filter((x) => !now[i].includes(x)).slice(1, 4), now[i].split(';').filter((x) => !a.includes(x)).slice(0, 3)]])).slice(0, 3);
};

/** On `page` (scripts off), what loading the whole stylesheet the page names, where the app's
 *  starter puts it, changes in its computed styles. */
async function wholeSheetChanges(page) {
  await page.evaluate(computedStyles);
  const href = await page.evaluate(() => {
    const named = document.head.querySelector('meta[name="trust-stylesheet"]');
    if (!named) return null;
    window.wholeSheet = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: named.content });
    named.after(window.wholeSheet);
    return named.content;
  });
  if (!href) return ['the page does not name the whole stylesheet'];
  // Polled from here: with scripts off, neither a load event nor a timer reaches the page.
  for (let waited = 0; !(await page.evaluate(() => Boolean(window.wholeSheet.sheet))); waited += 20) {
    if (waited > 10000) return [`${href} did not load`];
    await new Promise((r) => setTimeout(r, 20));
  }
  return page.evaluate(computedStyles);
}

test('each page carries the rules its markup needs: the whole stylesheet changes nothing on it', async () => {
  for (const [width, colorScheme, media] of [[412, 'light', 'screen'], [412, 'dark', 'screen'], [1280, 'light', 'screen'], [1280, 'light', 'print']]) {
    const context = await site.browser.newContext({ viewport: { width, height: 823 }, colorScheme, javaScriptEnabled: false });
    context.javaScriptEnabled = false;
    const { page } = await openPage(context);
    await page.emulateMedia({ media });
    try {
      for (const path of PAGES) {
        await page.goto(site.server.origin + path);
        assert.deepEqual(await wholeSheetChanges(page), [], `${path} at ${width} px, ${colorScheme}, ${media}: [element, its own, with the whole sheet]`);
      }
    } finally {
      await context.close();
    }
  }
  // With JavaScript the starter loads the whole sheet after the first paint, for the markup the
  // islands create: after the page's own rules, and before the brand colour's, which must win
  // over the sheet's default.
  const { context, page } = await open('/');
  try {
    await waitForApp(page);
    const sheets = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? s.ownerNode.textContent.slice(0, 14)));
    const whole = await page.locator('meta[name="trust-stylesheet"]').getAttribute('content');
    assert.deepEqual(sheets.slice(1), [new URL(whole, page.url()).href, ':root{--brand:']);
  } finally {
    await context.close();
  }
});

test('on a phone, search results open within the screen', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
  context.javaScriptEnabled = true;
  const { page, problems } = await openPage(context);
  try {
    await page.goto(site.server.origin + '/');
    await waitForApp(page);
    await page.locator('.search input').fill('encryption');
    await page.waitForSelector('.search-popup:not([hidden]) .result-group');
    const box = await page.locator('.search-popup').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone, the search box takes the row it wraps to and its words show whole, with JavaScript off too', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await site.browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled });
    context.javaScriptEnabled = javaScriptEnabled;
    const { page } = await openPage(context);
    try {
      await page.goto(site.server.origin + '/');
      if (javaScriptEnabled) await waitForApp(page);
      const box = await page.locator('.search input').evaluate((input) => {
        const style = getComputedStyle(input);
        // The placeholder's width as the page sets it: a span in the input's font.
        const probe = document.createElement('span');
        probe.textContent = input.placeholder;
        probe.style.cssText = `position:absolute;white-space:pre;font:${style.font};letter-spacing:${style.letterSpacing}`;
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const row = input.closest('.brand').clientWidth;
        return { placeholder: input.placeholder, text, room, width: input.offsetWidth, row };
      });
      // A search field keeps room at its end for its clear button (about 1em).
      assert.ok(box.text + 16 <= box.room, `"${box.placeholder}" is cut: ${JSON.stringify(box)}`);
      assert.ok(box.width >= box.row * 0.9, `the box leaves its row empty: ${JSON.stringify(box)}`);
    } finally {
      await context.close();
    }
  }
});

test('printing the FAQ prints every answer, the closed ones too', async () => {
  const { context, page, problems } = await open('/faq/', { javaScriptEnabled: false });
  try {
    const answer = page.locator('details.answer:not([open]) .prose').first();
    assert.ok(!(await answer.isVisible()), 'closed on screen');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await answer.isVisible(), 'shown in print');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('every document reads without JavaScript and downloads as one file', async () => {
  const context = await newContext(site.browser, { javaScriptEnabled: false });
  try {
    const { page, problems } = await openPage(context);
    await page.goto(site.server.origin + '/documents/');
    const online = await page.locator('.card a', { hasText: 'Read online' }).evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(online.length >= 8, `documents to read online: ${online}`);
    // Documents on request say how to ask for them.
    const requests = await page.locator('.card a', { hasText: 'Request this document' }).evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(requests.length > 0 && requests.every((h) => h.startsWith('mailto:security@')), `${requests}`);
    // Its own page offers the request too, not a copy of its description to save or print.
    await page.goto(site.server.origin + '/documents/soc2-report/');
    assert.match(await page.locator('.actions a', { hasText: 'Request this document' }).getAttribute('href'), /^mailto:/);
    assert.equal(await page.locator('.actions a[download]').count(), 0);
    assert.equal(await page.locator('#toc-heading').count(), 0, 'no empty contents');
    await page.goto(site.server.origin + '/documents/');
    // A public PDF shows its type and size next to its download.
    const whitepaper = page.locator('.card', { hasText: 'Security Whitepaper' });
    assert.match(await whitepaper.innerText(), /Size\s+PDF, \d+ kB/);

    for (const path of online) {
      await page.goto(site.server.origin + path);
      const heading = await page.locator('h1').innerText();
      assert.ok(heading.length > 0, path);
      assert.ok((await page.locator('.document').innerText()).length > 100, `${path}: the text is there`);
      const download = page.locator('.actions a[download]', { hasText: 'Download as HTML' });
      const href = await download.getAttribute('href');
      const res = await fetch(site.server.origin + href);
      assert.equal(res.status, 200, href);
      assert.match(res.headers.get('content-type'), /^text\/html/);
      assert.ok((await res.text()).includes(heading.replace('&', '&amp;')), `${href} holds the document`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the subprocessor list as it stood on a past day, with its exports', async () => {
  const { context, page, problems } = await open('/subprocessors/');
  try {
    const today = await visibleRows(page).count();
    await page.locator('.filters input[type=date]').fill('2025-06-01');
    await page.waitForFunction(() => document.querySelector('.as-of'));
    const asOf = await page.locator('.as-of').innerText();
    assert.match(asOf, /as it stood on 2025-06-01, unchanged since \d{4}-\d{2}-\d{2}/);
    const names = await page.locator('table.subprocessors tbody tr:not([hidden]) th a').allInnerTexts();
    assert.ok(names.some((n) => n.includes('Courierbird')), names.join(', '));
    // The page and the export of that day list the same subprocessors.
    const csvHref = await page.locator('.as-of a', { hasText: 'CSV' }).getAttribute('href');
    const csv = await (await fetch(site.server.origin + csvHref)).text();
    const exported = csv.trim().split('\n').slice(1).map((line) => line.split(',')[1]);
    assert.deepEqual(exported, names);
    // Clearing the day shows today's list again.
    await page.locator('.filters input[type=date]').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('table.subprocessors tbody tr:not([hidden])').length === n, today);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the certifications page says what its badges count and offers the expiry dates as a calendar', async () => {
  const { context, page, problems } = await open('/certifications/');
  try {
    const note = page.locator('main p.follow', { hasText: 'calendar (iCal)' });
    assert.match(await note.innerText(), /reads “Active” until 60 days before its certificate expires/);
    assert.deepEqual(problems, []);
    // A calendar app subscribes to a webcal: address (and keeps it current) where it would
    // import an https: one once.
    const subscribe = note.getByRole('link', { name: 'subscribe in your calendar app' });
    assert.equal(await subscribe.getAttribute('href'), 'webcal://trust.quillfeather.example/certifications/expiries.ics');
    const link = note.getByRole('link', { name: 'calendar (iCal)' });
    // A calendar is not a page: the browser hands it over as a file, for the calendar app.
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(file.suggestedFilename(), 'expiries.ics');
    const ics = readFileSync(await file.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(ics.match(/^BEGIN:VEVENT\r$/gm).length, 4);
    const res = await fetch(new URL(await link.getAttribute('href'), page.url()));
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
  } finally {
    await context.close();
  }
});

test('day counts are recounted on the day the page is read, not the day it was built', async () => {
  // The example is built as of 2026-11-22: the open change's objections close at the end of
  // 2026-12-09 (18 days left then) and the PCI DSS attestation expires on 2027-01-13.
  const readOn = (day) => ({ beforeLoad: (page) => page.clock.setFixedTime(new Date(`${day}T12:00:00`)) });
  const countsOn = async (day) => {
    const { context, page, problems } = await open('/', readOn(day));
    try {
      assert.deepEqual(problems, []);
      return {
        notice: await page.locator('.notice li').first().innerText(),
        banner: await page.locator('.notice:has(#open-changes)').isVisible(),
        badges: await page.locator('.badge').allInnerTexts(),
        colours: await page.locator('.badge').evaluateAll((all) => all.map((b) => getComputedStyle(b).color)),
      };
    } finally {
      await context.close();
    }
  };
  const early = await countsOn('2026-12-05');
  assert.match(early.notice, /Objections until 2026-12-09 \(5 days left\)\./);
  assert.ok(early.badges.includes('Expires in 39 days'), early.badges.join(', '));
  const last = await countsOn('2026-12-09');
  assert.match(last.notice, /\(1 day left\)/);
  assert.ok(last.banner);
  // Past every deadline, the banner of changes open for objection goes; the change history on
  // the Subprocessors page still tells of them.
  const late = await countsOn('2027-01-14');
  assert.equal(late.banner, false);
  // The attestation's badge, a warning when built, reads and looks expired.
  const pci = early.badges.indexOf('Expires in 39 days');
  assert.equal(late.badges[pci], 'Expired');
  assert.notEqual(early.colours[pci], 'rgb(161, 35, 43)');
  assert.equal(late.colours[pci], 'rgb(161, 35, 43)');
  // A certificate far from expiry when built reads "Active", and still counts: the ISO 27001
  // certificate, valid until 2027-03-11, read three weeks before and the day after.
  assert.equal(early.badges.filter((b) => b === 'Active').length, 3, early.badges.join(', '));
  const before = await countsOn('2027-02-18');
  const iso = before.badges.indexOf('Expires in 21 days');
  assert.ok(iso >= 0, before.badges.join(', '));
  const after = await countsOn('2027-03-12');
  assert.equal(after.badges[iso], 'Expired');
  assert.equal(after.colours[iso], 'rgb(161, 35, 43)');

  // The change's own entry counts the same way, and once the deadline has passed it offers no
  // way to object.
  const objection = async (day) => {
    const { context, page } = await open('/subprocessors/', readOn(day));
    try {
      const block = page.locator('.change .objection').first();
      await renderAll(page);
      return { text: await block.innerText(), button: await block.locator('.button').isVisible() };
    } finally {
      await context.close();
    }
  };
  const during = await objection('2026-12-08');
  assert.match(during.text, /until the end of 2026-12-09 \(2 days left\)\./);
  assert.ok(during.button);
  const closed = await objection('2026-12-10');
  assert.match(closed.text, /until the end of 2026-12-09 \(closed\)\./);
  assert.ok(!closed.button, 'no button to object after the deadline');
});

test('every route comes with the security headers, breaks no CSP rule, sets no cookie and asks no other host', async () => {
  for (const path of PAGES) {
    const foreign = [];
    const { context, page, problems } = await visit(site.browser, site.server.origin + path, {
      beforeLoad: async (p) => {
        p.on('request', (r) => {
          if (!r.url().startsWith(`${site.server.origin}/`)) foreign.push(r.url());
        });
        await p.addInitScript(() => {
          window.cspViolations = [];
          document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
        });
      },
    });
    try {
      const response = await page.request.get(site.server.origin + path);
      const headers = response.headers();
      const scripts = headers['content-security-policy'].match(/script-src [^;]*/)[0];
      // Only the site's own files and the one inline starter every page carries, by hash.
      assert.match(scripts, /^script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'$/, path);
      assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
      assert.equal(headers['x-content-type-options'], 'nosniff');
      assert.match(headers['strict-transport-security'], /max-age=\d+/);
      assert.ok(headers['referrer-policy'] && headers['permissions-policy'], path);
      assert.equal(headers['set-cookie'], undefined, path);
      // The app ran under the policy: it hydrated (visit waited for it) without a violation.
      assert.deepEqual(await page.evaluate(() => window.cspViolations), [], path);
      assert.deepEqual(await context.cookies(), [], `${path}: no cookie`);
      assert.deepEqual(foreign, [], `${path}: no request to another host`);
      // The 404 page is meant to answer 404.
      const expected = (p) => path === '/no-such-page/' && /404/.test(p);
      assert.deepEqual(problems.filter((p) => !expected(p)), [], path);
    } finally {
      await context.close();
    }
  }
});
