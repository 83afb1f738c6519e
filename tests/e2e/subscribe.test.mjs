// The subscribe form against a stub sign-up service on loopback: success, refusal (400), server
// error (500), a service that never answers, and one that is down. Every failure says so and keeps
// what the visitor typed; an address with a typo is caught before anything is sent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer, launchBrowser, newContext, openPage, visit } from './harness.mjs';

const CONTENT = resolve(process.env.SITE_CONTENT ?? '../../content');
const APP_DIR = process.env.APP_DIR;

const received = [];
let stub;
let stubPort;
let site;
let browser;
let work;

/** The sign-up service: answers by the address it is sent, like a real one would by its rules. */
function startStub() {
  const server = createServer((req, res) => {
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'POST, PUT',
      'Access-Control-Allow-Headers': 'content-type',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const fields = JSON.parse(body);
      received.push({ method: req.method, type: req.headers['content-type'], fields });
      const who = String(fields.email).split('@')[0];
      if (who === 'slow') return; // never answers
      const status = { ok: 200, refused: 400, broken: 500 }[who] ?? 200;
      res.writeHead(status, { ...cors, 'Content-Type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  return server;
}

before(async () => {
  stub = startStub();
  await once(stub, 'listening');
  stubPort = stub.address().port;
  work = mkdtempSync(join(tmpdir(), 'subscribe-e2e-'));
  const content = join(work, 'content');
  cpSync(CONTENT, content, { recursive: true });
  const org = join(content, 'organization.toml');
  writeFileSync(org, readFileSync(org, 'utf8') + `
[subscribe]
url = "http://127.0.0.1:${stubPort}/subscribe"
timeout_seconds = 2
extra = { list = "subprocessor-changes" }
`);
  execFileSync(process.env.TRUSTCTL, ['build', '--content', content, '--app', APP_DIR, '--out', join(work, 'dist')], {
    env: { ...process.env, TRUST_TODAY: '2026-11-22' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  site = await startServer(join(work, 'dist'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  stub?.closeAllConnections();
  stub?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const openForm = () => visit(browser, site.origin + '/subprocessors/');

async function submit(page, email, company = 'Customer GmbH') {
  await page.locator('.subscribe-form input[name=email]').fill(email);
  await page.locator('.subscribe-form input[name=company]').fill(company);
  await page.locator('.subscribe-form button[type=submit]').click();
}

const status = (page) => page.locator('#subscribe-status');

async function settled(page) {
  await page.waitForFunction(() => ['done', 'failed', 'invalid'].includes(
    document.querySelector('#subscribe-status')?.dataset.state));
  return { state: await status(page).getAttribute('data-state'), text: await status(page).innerText() };
}

test('a valid address is sent with the configured fields and thanked', async () => {
  const { context, page, problems } = await openForm();
  try {
    const before = received.length;
    await submit(page, 'ok@customer.example');
    const s = await settled(page);
    assert.equal(s.state, 'done', s.text);
    assert.match(s.text, /Thank you/);
    assert.equal(received.length, before + 1);
    const sent = received.at(-1);
    assert.equal(sent.method, 'POST');
    assert.match(sent.type, /^application\/json/);
    assert.deepEqual(sent.fields, { email: 'ok@customer.example', company: 'Customer GmbH', list: 'subprocessor-changes' });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a typo is caught before anything is sent', async () => {
  const { context, page } = await openForm();
  try {
    const before = received.length;
    await submit(page, 'dpo@customer');
    const s = await settled(page);
    assert.equal(s.state, 'invalid');
    assert.equal(await page.locator('.subscribe-form input[name=email]').getAttribute('aria-invalid'), 'true');
    assert.equal(received.length, before);
  } finally {
    await context.close();
  }
});

for (const [who, expected] of [
  ['refused', /did not accept this address \(HTTP 400\)/],
  ['broken', /had a problem \(HTTP 500\)/],
  ['slow', /Could not reach the subscription service/],
]) {
  test(`the service answering "${who}" is explained and the input kept`, async () => {
    const { context, page } = await openForm();
    try {
      await submit(page, `${who}@customer.example`);
      const s = await settled(page);
      assert.equal(s.state, 'failed');
      assert.match(s.text, expected);
      assert.equal(await page.locator('.subscribe-form input[name=email]').inputValue(), `${who}@customer.example`);
      assert.equal(await page.locator('.subscribe-form input[name=company]').inputValue(), 'Customer GmbH');
      assert.equal(await page.locator('.subscribe-form button[type=submit]').isEnabled(), true, 'can retry');
    } finally {
      await context.close();
    }
  });
}

test('one sign-up at a time: the button is disabled while sending', async () => {
  const { context, page } = await openForm();
  try {
    const before = received.length;
    await page.locator('.subscribe-form input[name=email]').fill('slow@customer.example');
    const button = page.locator('.subscribe-form button[type=submit]');
    await button.click();
    assert.equal(await status(page).getAttribute('data-state'), 'sending');
    assert.equal(await button.isDisabled(), true);
    await page.locator('.subscribe-form').evaluate((f) => f.requestSubmit());
    await settled(page);
    assert.equal(received.length, before + 1, 'sent once');
  } finally {
    await context.close();
  }
});

test('a service that is down is explained', async () => {
  const { context, page } = await openForm();
  try {
    stub.closeAllConnections();
    await new Promise((r) => stub.close(r));
    await submit(page, 'ok@customer.example');
    const s = await settled(page);
    assert.equal(s.state, 'failed');
    assert.match(s.text, /Could not reach the subscription service/);
  } finally {
    await context.close();
  }
});

test('without JavaScript the feeds and the email link are there', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const { page } = await openPage(context);
    await page.goto(site.origin + '/subprocessors/');
    const block = page.locator('.subscribe');
    assert.match(await block.locator('a[href^="mailto:"]').getAttribute('href'), /^mailto:privacy@quillfeather\.example\?subject=Subscribe/);
    assert.ok(await page.locator('.follow a[href="/subprocessors/changes.atom"]').count() === 1);
    assert.ok(await page.locator('.follow a[href="/subprocessors/changes.ics"]').count() === 1);
  } finally {
    await context.close();
  }
});
