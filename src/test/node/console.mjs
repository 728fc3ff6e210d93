// The batch console in a real headless Chromium: an operator opens /console (first with a status it does not
// know, which the page explains), then filtered to FAILED jobs, finds the failed execution named on the command
// line, looks at its video's attempts, shows every status, clicks Restart, and watches (without a reload) the
// video's new execution appear and complete. Then a second failed video's
// latest execution is abandoned (the confirmation accepted) and its video started afresh from the page.
// node console.mjs <baseUrl> <user> <password> <videoId> <failed execution id> <other videoId> <its failed
// execution id> <screenshots dir>. Prints one JSON line.
import { launchChromium } from './chromium.mjs';
import { signIn } from './sign-in.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, username, password, videoId, failedExecution, otherVideoId, otherExecution, shots] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const browser = await launchChromium();
const report = {};
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (error) => { report.pageError = String(error); });
  page.on('dialog', (dialog) => { report.confirmed = dialog.message(); return dialog.accept(); });

  // A status the server does not know: the page says why it shows nothing, in the server's words.
  await signIn(page, base, username, password, '/console?status=RUNNING');
  report.path = new URL(page.url()).pathname;
  await page.locator('#console-error:not([hidden])').waitFor({ timeout: 30000 });
  report.badStatusError = await page.locator('#console-error').textContent();

  await page.goto(base + '/console?status=FAILED');
  const failedRow = page.locator(`#jobs tr[data-execution-id="${failedExecution}"]`);
  await failedRow.and(page.locator('[data-status="FAILED"]')).waitFor({ timeout: 30000 });
  report.failedRowShown = true;
  report.failedRowButtons = await failedRow.locator('button').allTextContents();
  report.queueNodes = await page.locator('#nodes tbody tr').count();
  report.thisNodeAlive = await page.locator('#nodes tbody tr[data-alive="true"]').count() >= 1;

  // A click on the row shows every attempt at its video.
  await failedRow.locator('td').first().click();
  await page.locator('#attempts-panel:not([hidden]) #attempts tbody tr').first().waitFor({ timeout: 30000 });
  report.attemptsBefore = await page.locator('#attempts tbody tr').count();
  await page.screenshot({ path: path.join(shots, 'console-failed.png'), fullPage: true });

  // Every status, without a reload: the same row is there, and a mark left on the window stays.
  await page.evaluate(() => { window.consoleMark = 'same page'; });
  await page.selectOption('#status-filter', '');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === null);
  await failedRow.locator('button.restart').waitFor({ timeout: 30000 });
  await failedRow.locator('button.restart').click();
  const notice = page.locator('#console-notice:not([hidden])');
  await notice.waitFor({ timeout: 30000 });
  report.notice = await notice.textContent();

  const newRow = page.locator(`#jobs tr[data-video-id="${videoId}"]:not([data-execution-id="${failedExecution}"])`)
    .and(page.locator(`[data-attempt="${Number(report.attemptsBefore) + 1}"]`));
  await newRow.waitFor({ timeout: 60000 });
  report.newExecutionId = await newRow.getAttribute('data-execution-id');
  await newRow.and(page.locator('[data-status="COMPLETED"]')).waitFor({ timeout: 180000 });
  report.newExecutionCompleted = true;
  // The attempts follow as well: the new one is listed, and how it ended.
  await page.waitForFunction((n) => document.querySelectorAll('#attempts tbody tr').length >= n
    && document.querySelector('#attempts tbody tr:last-child').dataset.status !== 'STARTED',
  Number(report.attemptsBefore) + 1, { timeout: 30000 });
  report.attemptsAfter = await page.locator('#attempts tbody tr').count();
  report.lastAttemptStatus = await page.locator('#attempts tbody tr').last().getAttribute('data-status');
  await page.screenshot({ path: path.join(shots, 'console-restarted.png'), fullPage: true });

  // Abandoned, the other video's execution offers no restart of itself, but its video starts afresh.
  const otherRow = page.locator(`#jobs tr[data-execution-id="${otherExecution}"]`);
  await otherRow.locator('button.abandon').click();
  await otherRow.and(page.locator('[data-status="ABANDONED"]')).waitFor({ timeout: 30000 });
  await page.locator('#console-notice', { hasText: 'was abandoned' }).waitFor({ timeout: 30000 });
  report.abandonedNotice = await notice.textContent();
  report.abandonedButtons = await otherRow.locator('button').allTextContents();
  await otherRow.locator('button.afresh').click();
  const afreshRow = page.locator(`#jobs tr[data-video-id="${otherVideoId}"][data-status="COMPLETED"]`);
  await afreshRow.waitFor({ timeout: 180000 });
  report.afreshExecutionId = await afreshRow.getAttribute('data-execution-id');
  report.afreshNotice = await notice.textContent();
  report.sameDocument = await page.evaluate(() => window.consoleMark === 'same page');
  report.errorShown = await page.locator('#console-error:not([hidden])').count() > 0
    ? await page.locator('#console-error').textContent() : null;
  await page.screenshot({ path: path.join(shots, 'console-afresh.png'), fullPage: true });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error), JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await browser.close();
}
