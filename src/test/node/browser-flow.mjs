// The pages in a real headless Chromium: upload a video through the upload page, see it become READY, find it
// in the library, play it and watch currentTime advance. Screenshots of each page go to <screenshots>.
// A file that is not a video shows the server's reason next to it.
// It signs in first (as the uploader named on the command line) and, at the end, signs out: the video's page
// and the media the player loaded must then be out of reach.
// node browser-flow.mjs <baseUrl> <video file> <not-a-video file> <screenshots dir> <user> <password>.
// Prints one JSON line.
import { launchChromium } from './chromium.mjs';
import { signIn } from './sign-in.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, file, notVideo, shots, username, password] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const browser = await launchChromium();
const report = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => { report.pageError = String(error); });

  await signIn(page, base, username, password);
  report.signedInAs = (await page.locator('#signed-in-as strong').textContent()).trim();
  await page.setInputFiles('#file-input', file);
  const row = page.locator('.upload-row').filter({ hasText: path.basename(file) });
  await row.locator('.status').filter({ hasText: /Uploading|Processing|READY/ }).waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(shots, 'upload-in-progress.png'), fullPage: true });
  await page.locator('.upload-row[data-status="READY"] a.watch:not([hidden])').waitFor({ timeout: 180000 });
  report.posterShown = await row.locator('img.poster').evaluate((img) => img.complete && img.naturalWidth > 0);
  await page.setInputFiles('#file-input', notVideo);
  const refused = page.locator('.upload-row[data-status="FAILED"] .error').first();
  await refused.waitFor({ timeout: 60000 });
  report.refusedReason = await refused.textContent();
  await page.screenshot({ path: path.join(shots, 'upload-ready.png'), fullPage: true });
  const watch = await row.locator('a.watch').getAttribute('href');
  report.videoId = new URL(watch, base).searchParams.get('id');

  await page.goto(base + '/library.jsp');
  report.inLibrary = await page.locator(`tr[data-id="${report.videoId}"][data-status="READY"]`).count() === 1;
  await page.screenshot({ path: path.join(shots, 'library.png'), fullPage: true });

  await page.goto(base + watch);
  await page.waitForFunction(() => document.querySelector('#video').readyState >= 2, null, { timeout: 60000 });
  await page.evaluate(() => { const v = document.querySelector('#video'); v.muted = true; return v.play(); });
  await page.waitForFunction(() => document.querySelector('#video').currentTime > 1, null, { timeout: 60000 });
  report.currentTime = await page.evaluate(() => document.querySelector('#video').currentTime);
  report.usedHlsJs = await page.evaluate(() => document.querySelector('#video').src.startsWith('blob:'));
  const seek = await page.locator('#seek').boundingBox();
  await page.mouse.move(seek.x + seek.width * 0.5, seek.y + seek.height / 2);
  report.storyboardPreview = await page.locator('#preview .frame').evaluate((f) => getComputedStyle(f).backgroundImage);
  report.downloadHref = await page.locator('#download').getAttribute('href');
  await page.screenshot({ path: path.join(shots, 'player.png'), fullPage: true });

  // What the player fetched with the session: once signed out, none of it may be reachable any more.
  report.mediaLoaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)
    .filter((url) => new URL(url).pathname.startsWith('/media/')));
  await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.click('#sign-out')]);
  report.signedOut = await page.locator('#signed-out').count() === 1;
  report.mediaAfterSignOut = await page.evaluate((urls) => Promise.all(urls.map((url) =>
    fetch(url, { cache: 'no-store' }).then((response) => response.status))), report.mediaLoaded);
  await page.goto(base + watch);
  report.watchAfterSignOut = new URL(page.url()).pathname;
  await page.screenshot({ path: path.join(shots, 'signed-out.png'), fullPage: true });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error), JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await browser.close();
}
