// A trust center published under a path of its host (`https://quillfeather.example/trust/`, as on
// GitHub Pages or behind a company site's `/trust/`): the example built for that address and
// served under `/trust/`, as its host would. Every page, the app, search and the questionnaire
// assistant's worker and library must load from under that path, with nothing asked of the
// host's root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, visit } from './harness.mjs';

const CONTENT = resolve(process.env.SITE_CONTENT ?? '../../content');
const APP_DIR = process.env.APP_DIR;

let work;
let site;
let browser;
let root;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'base-path-e2e-'));
  const content = join(work, 'content');
  cpSync(CONTENT, content, { recursive: true });
  const org = join(content, 'organization.toml');
  const text = readFileSync(org, 'utf8');
  const moved = text.replace(/^site_url = ".*"$/m, 'site_url = "https://quillfeather.example/trust/"');
  assert.notEqual(moved, text, 'the example names its site_url');
  writeFileSync(org, moved);
  execFileSync(process.env.TRUSTCTL, ['build', '--content', content, '--app', APP_DIR, '--out', join(work, 'dist')], {
    env: { ...process.env, TRUST_TODAY: '2026-11-22' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  site = await startServer(join(work, 'dist'));
  root = `${site.origin}/trust/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Records every request's path, to show none leaves `/trust/`. */
const watchRequests = (paths) => (page) => page.on('request', (r) => paths.push(new URL(r.url()).pathname));

test('the host root leads to the site, and every request of a page stays under its path', async () => {
  const paths = [];
  const { context, page, problems } = await visit(browser, site.origin + '/', { beforeLoad: watchRequests(paths) });
  try {
    assert.equal(page.url(), root);
    await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Subprocessors' }).click();
    await page.waitForURL(`${root}subprocessors/`);
    assert.equal(await page.locator('h1').innerText(), 'Subprocessors');
    // The host's root only redirects; everything after it is the site's.
    assert.equal(paths[0], '/');
    assert.deepEqual(paths.slice(1).filter((p) => !p.startsWith('/trust/')), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an unknown address under the path gets the 404 page, whose links lead back into the site', async () => {
  const response = await fetch(`${root}no-such-page/`);
  assert.equal(response.status, 404);
  const { context, page } = await visit(browser, `${site.origin}/trust`);
  try {
    assert.equal(page.url(), root);
    await page.goto(`${root}no-such-page/`);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await Promise.all([page.waitForURL(root), page.getByRole('link', { name: 'Go to the overview' }).click()]);
  } finally {
    await context.close();
  }
});

test('search finds entries and opens them under the path', async () => {
  const { context, page, problems } = await visit(browser, `${root}faq/`);
  try {
    await page.locator('#search-input').fill('soc 2');
    const first = page.locator('#search-results a').first();
    await first.waitFor();
    const hrefs = await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('/trust/')), hrefs.join(' '));
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(`${root}search/?q=soc%202`);
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    const result = page.locator('main li a').first();
    await result.waitFor();
    const target = await result.getAttribute('href');
    assert.match(target, /^\/trust\//);
    await Promise.all([page.waitForURL((u) => u.pathname === target.split('#')[0]), result.click()]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the questionnaire assistant loads its worker and library from under the path', async () => {
  const paths = [];
  const { context, page, problems } = await visit(browser, `${root}questionnaire/`, { beforeLoad: watchRequests(paths) });
  try {
    await page.waitForFunction(() => /Ready: \d+ published answers/.test(document.querySelector('.questionnaire-status')?.textContent ?? ''));
    await page.setInputFiles('#questionnaire-file', {
      name: 'vendor.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Question,Answer\nDo you support single sign-on (SAML)?,\n'),
    });
    await page.getByRole('button', { name: 'Match questions' }).click();
    const source = page.locator('table.review tbody tr a.source').first();
    await source.waitFor();
    assert.match(await source.getAttribute('href'), /^https:\/\/quillfeather\.example\/trust\/faq\/#/);
    assert.ok(paths.includes('/trust/_questionnaire/library.bin'), paths.join(' '));
    assert.ok(paths.includes('/trust/questionnaire-worker_bg.wasm'), paths.join(' '));
    assert.deepEqual(paths.filter((p) => !p.startsWith('/trust/')), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
