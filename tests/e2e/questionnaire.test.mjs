// The questionnaire assistant as a buyer uses it: a CSV and an XLSX questionnaire dropped in,
// columns checked, answers reviewed and changed, the filled file downloaded in both formats and
// read back with real parsers; no request leaves the browser while a file is processed; every
// kind of bad file says what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { useSite, visit } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useSite();

/** Opens the page and waits until the worker has loaded the library; from then on every request is recorded. */
async function open() {
  const opened = await visit(site.browser, `${site.server.origin}/questionnaire/`);
  await opened.page.waitForFunction(() => /Ready: \d+ published answers/.test(document.querySelector('.questionnaire-status')?.textContent ?? ''));
  const requests = [];
  opened.context.on('request', (r) => requests.push(r.url()));
  return { ...opened, requests };
}

async function choose(page, name, buffer, mimeType = 'application/octet-stream') {
  await page.setInputFiles('#questionnaire-file', { name, mimeType, buffer });
}

async function matchAll(page) {
  await page.getByRole('button', { name: 'Match questions' }).click();
  await page.waitForSelector('table.review tbody tr');
}

/** The review row whose question contains `text`. */
function row(page, text) {
  return page.locator('table.review tbody tr', { has: page.locator('td.q', { hasText: text }) });
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

const CSV = [
  'Ref,Question,Notes',
  'IAM-02.1,What are the password requirements for user accounts?,',
  ',Section 2: Data protection,',
  'X-1,"Do you support single sign-on (SSO) with SAML, e.g. Okta or Entra ID?",ask IT',
  'X-2,Please describe how customer data is encrypted at rest.,',
  'X-3,Does the organization maintain a list of its subprocessors?,',
  'X-4,What is your favourite colour?,',
].join('\r\n');

test('a CSV questionnaire is matched, reviewed, changed and exported as CSV and XLSX, with no request', async () => {
  const { context, page, problems, requests } = await open();
  try {
    await choose(page, 'vendor-review.csv', Buffer.from(CSV), 'text/csv');
    await page.waitForFunction(() => /Read “vendor-review.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    // The question and id columns were found by themselves.
    const selects = page.locator('.questionnaire-columns select');
    assert.equal(await selects.nth(1).locator('option:checked').innerText(), 'B: Question');
    assert.equal(await selects.nth(2).locator('option:checked').innerText(), 'A: Ref');
    await matchAll(page);
    assert.equal(await page.locator('table.review tbody tr').count(), 6, 'one row per question, the section heading included');
    // A question the library has nothing for starts with no answer, not with the best guess.
    const colour = row(page, 'favourite colour');
    assert.equal(await colour.locator('.confidence').innerText(), 'No match');
    assert.equal(await colour.locator('textarea').inputValue(), '');
    assert.equal(await colour.locator('select option:checked').innerText(), 'No answer');

    // Matched by the CAIQ id, and by the text.
    const pw = row(page, 'password requirements');
    assert.equal(await pw.locator('.confidence').innerText(), 'By id');
    assert.match(await pw.locator('a.source').getAttribute('href'), /\/faq\/#password-policy$/);
    assert.match(await row(page, 'single sign-on').locator('a.source').getAttribute('href'), /\/faq\/#sso$/);

    // Rows that need a look are one click away: only low-confidence and unmatched ones stay.
    const filter = page.getByLabel(/Only rows that need a look/);
    const announced = Number((await filter.locator('xpath=..').innerText()).match(/\((\d+)\)/)[1]);
    await filter.check();
    const visible = page.locator('table.review tbody tr:visible');
    assert.equal(await visible.count(), announced);
    for (const c of await visible.locator('.confidence').allInnerTexts()) assert.match(c, /^(Low|No match)$/);
    assert.ok(!(await row(page, 'password requirements').isVisible()), 'a row matched by id is hidden');
    await filter.uncheck();

    // Clear the heading's answer; write our own for the SSO row; mark it reviewed.
    await row(page, 'Section 2').locator('select').selectOption({ label: 'No answer' });
    const sso = row(page, 'single sign-on');
    await sso.locator('textarea').fill('Yes: SAML 2.0 with Okta and Entra ID, on every plan.');
    await sso.getByRole('checkbox').check();

    const csv = await download(page, 'Download CSV');
    assert.equal(csv.name, 'vendor-review-answered.csv');
    const rows = parse(csv.bytes, { bom: true, relax_column_count: true });
    assert.deepEqual(rows[0], ['Ref', 'Question', 'Notes', 'Answer', 'Short answer', 'Source']);
    const ssoRow = rows.find((r) => r[0] === 'X-1');
    assert.equal(ssoRow[2], 'ask IT', 'original columns are kept');
    assert.equal(ssoRow[3], 'Yes: SAML 2.0 with Okta and Entra ID, on every plan.');
    assert.equal(ssoRow[4], 'Yes');
    assert.match(ssoRow[5], /\/faq\/#sso$/);
    const heading = rows.find((r) => r[1] === 'Section 2: Data protection');
    assert.equal(heading[3] ?? '', '', 'a cleared answer stays empty');
    assert.match(rows.find((r) => r[0] === 'X-2')[3], /encrypt/i);
    assert.equal(rows.find((r) => r[0] === 'X-4')[3] ?? '', '', 'an unmatched question is exported unanswered');

    const xlsx = await download(page, 'Download XLSX');
    assert.equal(xlsx.name, 'vendor-review-answered.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes);
    const sheet = book.worksheets[0];
    assert.equal(sheet.getCell('D1').value, 'Answer');
    assert.equal(sheet.getRow(4).getCell(4).value, 'Yes: SAML 2.0 with Okta and Entra ID, on every plan.');

    assert.deepEqual(requests, [], 'no request while the file was read, matched and written');
    // Through DevTools, not as a page script: the CSP (rightly) refuses inline scripts.
    await page.evaluate(AXE);
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] });
      return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.help}`);
    });
    assert.deepEqual(axe, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

const HALF_ANSWERED = [
  'Question,Answer',
  'What is the colour of your office carpet?,',
  'Describe your backup strategy,',
  'Do you support single sign-on (SSO) with SAML?,',
  'Is customer data encrypted at rest?,We use AES-256 on every disk.',
].join('\r\n');

test('a half-answered CSV: answers go into its own Answer column, its answers stay, weak suggestions only once reviewed', async () => {
  const { context, page, problems, requests } = await open();
  try {
    await choose(page, 'half-answered.csv', Buffer.from(HALF_ANSWERED), 'text/csv');
    await page.waitForFunction(() => /Read “half-answered.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    // The file input shows the file that was read; opening its picker empties it (so that the same
    // file, fixed, can be read again) and closing the picker without a choice shows it again.
    const input = page.locator('#questionnaire-file');
    const shown = () => input.evaluate((i) => i.files[0]?.name ?? 'No file chosen');
    assert.equal(await shown(), 'half-answered.csv');
    // (A script's click opens no picker: Chromium closes it at once, with the `cancel` event a
    // visitor's Escape sends, so the input is read right after the click, then after `cancel`.)
    const emptied = await input.evaluate((i) => {
      i.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return i.files.length;
    });
    assert.equal(emptied, 0);
    await input.dispatchEvent('cancel');
    await page.waitForFunction(() => document.querySelector('#questionnaire-file').files[0]?.name === 'half-answered.csv');
    assert.equal(await shown(), 'half-answered.csv');
    // The Answer column is found by its heading though one answer is filled, and the page says so.
    assert.equal(await page.getByLabel('Answers go into').locator('option:checked').innerText(), 'B: Answer');
    await matchAll(page);
    assert.match(await page.locator('#answers-into').innerText(), /Answers go into column B: Answer.*1 question is already answered there: its answer is kept/s);

    // Nothing in the library is about carpets: no match, nothing filled in.
    const carpet = row(page, 'office carpet');
    assert.equal(await carpet.locator('.confidence').innerText(), 'No match');
    assert.equal(await carpet.locator('textarea').inputValue(), '');
    // A weak match is shown as a suggestion, and says it is not in the download yet.
    const backup = row(page, 'backup strategy');
    assert.equal(await backup.locator('.confidence').innerText(), 'Low');
    const suggestion = await backup.locator('textarea').inputValue();
    assert.match(suggestion, /back/i);
    assert.match(await backup.innerText(), /A suggestion: left out of the download until you tick “Reviewed”/);
    assert.match(await backup.locator('a.source').innerText(), /^Source: Do you back up our data\?$/, 'the source names the answer, not its slug');
    // The file's own answer is kept.
    const encrypted = row(page, 'encrypted at rest');
    assert.equal(await encrypted.locator('.confidence').innerText(), 'In the file');
    assert.equal(await encrypted.locator('textarea').inputValue(), 'We use AES-256 on every disk.');
    assert.match(await encrypted.locator('th').innerText(), /Row 5/, 'rows are numbered as the spreadsheet numbers them');
    const sso = row(page, 'single sign-on');
    assert.match(await sso.locator('.confidence').innerText(), /^(Medium|High)$/);
    assert.match(await page.locator('#download-summary').innerText(), /answers 2 of 4 questions\. 1 suggestion not reviewed is left blank/);

    // Downloaded before any review: the confident answer and the file's own, nothing weak.
    let csv = parse((await download(page, 'Download CSV')).bytes, { bom: true, relax_column_count: true });
    assert.deepEqual(csv[0], ['Question', 'Answer', 'Short answer', 'Source'], 'no second Answer column');
    const cells = (rows, text) => rows.find((r) => r[0].includes(text));
    assert.equal(cells(csv, 'office carpet')[1] ?? '', '');
    assert.deepEqual(cells(csv, 'backup strategy').slice(1).filter(Boolean), [], 'an unreviewed suggestion is not exported');
    assert.match(cells(csv, 'single sign-on')[1], /SAML/);
    assert.match(cells(csv, 'single sign-on')[3], /\/faq\/#sso$/);
    assert.deepEqual(cells(csv, 'encrypted at rest').slice(1).filter(Boolean), ['We use AES-256 on every disk.']);

    // Reviewed: now it goes in, with its source.
    await backup.getByRole('checkbox', { name: 'Reviewed' }).check();
    assert.doesNotMatch(await backup.innerText(), /A suggestion/);
    assert.match(await page.locator('#download-summary').innerText(), /answers 3 of 4 questions\.$/);
    csv = parse((await download(page, 'Download CSV')).bytes, { bom: true, relax_column_count: true });
    assert.equal(cells(csv, 'backup strategy')[1], suggestion);
    assert.match(cells(csv, 'backup strategy')[3], /\/faq\/#backups$/);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load((await download(page, 'Download XLSX')).bytes);
    const sheet = xlsx.worksheets[0];
    assert.deepEqual([1, 2, 3, 4, 5].map((c) => sheet.getRow(1).getCell(c).value), ['Question', 'Answer', 'Short answer', 'Source', null]);
    assert.equal(sheet.getRow(5).getCell(2).value, 'We use AES-256 on every disk.');
    assert.equal(sheet.getRow(3).getCell(2).value, suggestion);

    // Choosing a library answer over the file's own replaces it, on purpose only.
    await encrypted.locator('select').selectOption({ index: 1 });
    csv = parse((await download(page, 'Download CSV')).bytes, { bom: true, relax_column_count: true });
    assert.match(cells(csv, 'encrypted at rest')[1], /AES-256/);
    assert.notEqual(cells(csv, 'encrypted at rest')[1], 'We use AES-256 on every disk.');
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a link away from a review with changes not downloaded asks first', async () => {
  const { context, page, problems } = await open();
  try {
    await choose(page, 'vendor-review.csv', Buffer.from(CSV), 'text/csv');
    await page.waitForFunction(() => /Read “vendor-review.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    await matchAll(page);
    // Matching alone changes nothing: leaving is free.
    const sso = row(page, 'single sign-on');
    await sso.getByRole('checkbox', { name: 'Reviewed' }).check();
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.type());
      // The first time the visitor stays; the second time they leave.
      if (dialogs.length === 1) await d.dismiss();
      else await d.accept();
    });
    const nav = page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'FAQ' });
    await nav.click();
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.match(page.url(), /\/questionnaire\/$/);
    assert.ok(await sso.getByRole('checkbox', { name: 'Reviewed' }).isChecked(), 'staying keeps the review');
    await Promise.all([page.waitForURL(/\/faq\/$/), nav.click()]);
    assert.deepEqual(dialogs, ['beforeunload', 'beforeunload']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('typed answers survive switching proposals, and nothing typed is lost without asking', async () => {
  const { context, page, problems } = await open();
  try {
    await choose(page, 'vendor-review.csv', Buffer.from(CSV), 'text/csv');
    await page.waitForFunction(() => /Read “vendor-review.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    await matchAll(page);
    const enc = row(page, 'encrypted at rest');
    const select = enc.locator('select');
    const text = enc.locator('textarea');
    assert.ok(await select.locator('option').count() >= 3, 'at least two proposals and "No answer"');
    const first = await text.inputValue();
    await select.selectOption({ index: 1 });
    const second = await text.inputValue();
    assert.notEqual(second, first);
    await select.selectOption({ index: 0 });
    assert.equal(await text.inputValue(), first, 'an untouched proposal comes back as the library has it');

    // Words typed for one choice come back with it, whatever was chosen in between.
    await text.fill('Our own words: AES-256, keys in a KMS.');
    await select.selectOption({ index: 1 });
    assert.equal(await text.inputValue(), second);
    await select.selectOption({ label: 'No answer' });
    assert.equal(await text.inputValue(), '');
    await text.fill('Written from scratch.');
    await select.selectOption({ index: 0 });
    assert.equal(await text.inputValue(), 'Our own words: AES-256, keys in a KMS.');
    await select.selectOption({ label: 'No answer' });
    assert.equal(await text.inputValue(), 'Written from scratch.');
    await select.selectOption({ index: 0 });

    // Matching again would replace the review: the page asks, and "Cancel" keeps it.
    const asked = new Promise((resolve) => page.once('dialog', async (d) => {
      resolve({ type: d.type(), message: d.message() });
      await d.dismiss();
    }));
    await page.getByRole('button', { name: 'Match questions' }).click();
    const confirm = await asked;
    assert.equal(confirm.type, 'confirm');
    assert.match(confirm.message, /not been downloaded/);
    assert.equal(await text.inputValue(), 'Our own words: AES-256, keys in a KMS.');

    // So would another file: "Cancel" keeps the review, and the file input still names the file
    // reviewed (the picker is opened by a click, which empties the input; here a script's).
    const keep = new Promise((resolve) => page.once('dialog', async (d) => { await d.dismiss(); resolve(); }));
    const input = page.locator('#questionnaire-file');
    await input.evaluate((i) => i.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await choose(page, 'other.csv', Buffer.from(CSV), 'text/csv');
    await keep;
    await page.waitForFunction(() => document.querySelector('#questionnaire-file').files[0]?.name === 'vendor-review.csv');
    assert.equal(await text.inputValue(), 'Our own words: AES-256, keys in a KMS.');

    // Leaving the page asks too; staying keeps everything.
    const leaving = new Promise((resolve) => page.once('dialog', async (d) => {
      resolve(d.type());
      await d.dismiss();
    }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await leaving, 'beforeunload');
    assert.equal(await text.inputValue(), 'Our own words: AES-256, keys in a KMS.');

    // Once downloaded, the page lets go without a word.
    await download(page, 'Download CSV');
    const dialogs = [];
    page.on('dialog', async (d) => { dialogs.push(d.type()); await d.accept(); });
    await matchAll(page);
    await page.waitForFunction(() => /^Matched/.test(document.querySelector('.questionnaire-status').textContent));
    assert.deepEqual(dialogs, []);

    // Letting a review go is asked once: another file, then matching it, asks nothing more.
    await row(page, 'encrypted at rest').locator('textarea').fill('Typed again.');
    await choose(page, 'second.csv', Buffer.from(CSV), 'text/csv');
    await page.waitForFunction(() => /Read “second.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    await matchAll(page);
    assert.deepEqual(dialogs, ['confirm']);
    const closed = new Promise((resolve) => page.once('close', resolve));
    await page.close({ runBeforeUnload: true });
    await closed;
    assert.deepEqual(dialogs, ['confirm']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone every answer under review is within the screen, without sideways scrolling', async () => {
  const { context, page, problems } = await open();
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await choose(page, 'vendor-review.csv', Buffer.from(CSV), 'text/csv');
    await page.waitForFunction(() => /Read “vendor-review.csv”/.test(document.querySelector('.questionnaire-status').textContent));
    await matchAll(page);
    const overflow = await page.evaluate(() => {
      const wrap = document.querySelector('.questionnaire-review .table-wrap');
      const out = [...document.querySelectorAll('table.review select, table.review textarea, table.review td.q')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth)
        .map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().right)}`);
      return { scroll: wrap.scrollWidth - wrap.clientWidth, out };
    });
    assert.deepEqual(overflow, { scroll: 0, out: [] });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an XLSX questionnaire: the sheet with questions is proposed, CAIQ ids decide, all sheets come back', async () => {
  const book = new ExcelJS.Workbook();
  const cover = book.addWorksheet('Cover');
  cover.addRow(['Vendor', 'Quillfeather']);
  cover.addRow(['Date', '2026-11-23']);
  const q = book.addWorksheet('CAIQ');
  q.addRow(['Question ID', 'Question', 'Answer']);
  q.addRow(['IAM-14.1', 'Are strong authentication capabilities provided for users?']);
  q.addRow(['BCR-08.1', 'Is cloud data periodically backed up?']);
  q.addRow(['', 'Are all personnel required to complete security awareness training?']);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());

  const { context, page, problems, requests } = await open();
  try {
    await choose(page, 'caiq-lite.xlsx', bytes);
    await page.waitForSelector('.questionnaire-columns');
    assert.equal(await page.locator('.questionnaire-columns select').first().locator('option:checked').innerText(), 'CAIQ (4 rows)');
    await matchAll(page);
    assert.equal(await page.locator('table.review tbody tr').count(), 3);
    assert.equal(await row(page, 'strong authentication').locator('.confidence').innerText(), 'By id');
    assert.match(await row(page, 'awareness training').locator('a.source').getAttribute('href'), /\/faq\/#security-training$/);

    // Pick the second proposal for the backup question.
    const backup = row(page, 'backed up');
    const proposed = await backup.locator('textarea').inputValue();
    const proposedSource = await backup.locator('a.source').getAttribute('href');
    await backup.locator('select').selectOption({ index: 1 });
    const chosen = await backup.locator('textarea').inputValue();
    assert.ok(chosen.length > 0 && chosen !== proposed, 'the alternative replaces the proposed answer');
    assert.notEqual(await backup.locator('a.source').getAttribute('href'), proposedSource, 'and its source');

    const xlsx = await download(page, 'Download XLSX');
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(xlsx.bytes);
    assert.deepEqual(back.worksheets.map((s) => s.name), ['Cover', 'CAIQ']);
    assert.equal(back.getWorksheet('Cover').getCell('B1').value, 'Quillfeather');
    // The questionnaire's own, empty Answer column is filled; only what it lacks is added.
    const caiq = back.getWorksheet('CAIQ');
    assert.deepEqual([3, 4, 5].map((c) => caiq.getRow(1).getCell(c).value), ['Answer', 'Short answer', 'Source']);
    assert.equal(caiq.getRow(3).getCell(3).value, chosen);
    assert.equal(caiq.getRow(1).getCell(6).value, null, 'no second Answer column');

    const csv = await download(page, 'Download CSV');
    const rows = parse(csv.bytes, { bom: true, relax_column_count: true });
    assert.deepEqual(rows[0], ['Question ID', 'Question', 'Answer', 'Short answer', 'Source']);
    assert.equal(rows[2][2], chosen);
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('bad files say what is wrong, and a good file still works afterwards', async () => {
  const { context, page, problems, requests } = await open();
  const tooMany = ['Question', ...Array.from({ length: 2001 }, (_, i) => `Is control number ${i} in place?`)].join('\n');
  const cases = [
    ['empty.csv', Buffer.alloc(0), /The file is empty/],
    ['broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]), /cannot be read; it may be damaged/],
    ['password-protected.xlsx', readFileSync(new URL('./fixtures/password-protected.xlsx', import.meta.url)), /password-protected/],
    ['junk.xlsx', Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)), /not a spreadsheet or CSV file/],
    ['numbers.csv', Buffer.from('1,2,3\n4,5,6\n7,8,9\n'), /no column of questions/],
    ['huge.csv', Buffer.alloc(6 * 1024 * 1024, 'a'), /limit is 5 MB/],
    ['long.csv', Buffer.from(tooMany), /2001 rows of questions; the limit is 2,000/],
  ];
  try {
    for (const [name, bytes, message] of cases) {
      await choose(page, name, bytes);
      if (name === 'long.csv') {
        // The file reads; matching refuses the sheet.
        await page.waitForSelector('.questionnaire-columns');
        await page.getByRole('button', { name: 'Match questions' }).click();
      }
      const alert = page.locator('[role=alert]');
      await alert.filter({ hasText: message }).waitFor({ timeout: 5000 }).catch(() => {});
      assert.match(await alert.innerText().catch(() => '(no message)'), message, name);
    }
    await choose(page, 'ok.csv', Buffer.from('Question\nDo you support SSO?\n'));
    await page.waitForSelector('.questionnaire-columns');
    assert.equal(await page.locator('[role=alert]').count(), 0, 'a good file clears the message');
    await matchAll(page);
    assert.deepEqual(requests, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('without JavaScript the page says what it needs and offers the answer library', async () => {
  const { context, page } = await visit(site.browser, `${site.server.origin}/questionnaire/`, { javaScriptEnabled: false });
  try {
    assert.match(await page.locator('main').innerText(), /needs JavaScript/);
    assert.ok(await page.locator('#questionnaire-file').isDisabled());
    assert.doesNotMatch(await page.locator('main').innerText(), /Loading/, 'nothing is loading without the app');
    const csv = await page.request.get(`${site.server.origin}/faq/answers.csv`);
    const rows = parse(await csv.body(), { columns: true });
    assert.ok(rows.some((r) => r.id === 'sso' && r.short_answer === 'Yes'));
  } finally {
    await context.close();
  }
});
