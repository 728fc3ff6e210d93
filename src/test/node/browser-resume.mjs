// The upload page's resumability in headless Chromium, with the upload bandwidth throttled so there is time
// to act: pause (nothing moves), resume, then reload the page mid-upload, choose the same file again and see
// it continue from where it was rather than from zero.
// node browser-resume.mjs <baseUrl> <video file> <screenshots dir> <user> <password>. Prints one JSON line.
import { launchChromium } from './chromium.mjs';
import { signIn } from './sign-in.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, file, shots, username, password] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const browser = await launchChromium();
const report = {};
const percent = (page) => page.locator('.upload-row progress').first().evaluate((p) => p.value);
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const throttle = (bytesPerSecond) => cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  await throttle(1024 * 1024);

  await signIn(page, base, username, password);
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.querySelector('.upload-row progress').value >= 10, null, { timeout: 60000 });
  await page.click('.upload-row .pause');
  await page.locator('.upload-row .status').filter({ hasText: 'Paused' }).waitFor();
  report.pausedAt = await percent(page);
  await page.waitForTimeout(1500);
  report.whilePaused = await percent(page);
  await page.screenshot({ path: path.join(shots, 'upload-paused.png'), fullPage: true });
  await page.click('.upload-row .pause');
  await page.waitForFunction((p) => document.querySelector('.upload-row progress').value > p, report.pausedAt, { timeout: 60000 });
  await page.waitForFunction(() => document.querySelector('.upload-row progress').value >= 40, null, { timeout: 60000 });
  report.beforeReload = await percent(page);

  await page.reload();
  await throttle(1024 * 1024);
  await page.setInputFiles('#file-input', file);
  // The first value the new row shows: where the resumed upload starts.
  report.afterReloadFirst = await page.waitForFunction(() => {
    const p = document.querySelector('.upload-row progress');
    return p && p.value > 0 ? p.value : null;
  }, null, { timeout: 60000, polling: 20 }).then((handle) => handle.jsonValue());
  await throttle(-1);
  await page.locator('.upload-row[data-status="READY"]').waitFor({ timeout: 180000 });
  await page.screenshot({ path: path.join(shots, 'upload-resumed.png'), fullPage: true });
  report.ready = true;
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error), JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await browser.close();
}
