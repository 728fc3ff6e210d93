// The upload page's slideshow form in a real headless Chromium. A single image is refused on the page, with a
// message saying why; three images are then listed in the order given and reordered by dragging the third onto
// the top of the first (and with the arrow buttons, there and back); transition wipeleft, square 1080 × 1080,
// 1 s per image, a title and the audio file are set. Sent first with 0.8 s transitions, which do not fit the middle
// image's second, it is refused by the server (422 naming transitionSeconds): the page shows the server's reason and
// marks the field. With 0.3 s it is sent again and its row in the upload list followed to READY.
// node slideshow.mjs <baseUrl> <user> <password> <screenshots dir> <audio file> <image 1> <image 2> <image 3>.
// Prints one JSON line: the video's id, the order sent, and the form parts the page sent.
import { launchChromium } from './chromium.mjs';
import { signIn } from './sign-in.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, username, password, shots, audio, ...images] = process.argv.slice(2);
const TITLE = 'Browser slideshow';
const names = images.map((image) => path.basename(image));
fs.mkdirSync(shots, { recursive: true });
const browser = await launchChromium();
const report = { settings: { transition: 'wipeleft', size: '1080x1080', seconds: '1', transitionSeconds: '0.3' } };

function expect(condition, what) {
  if (!condition) {
    throw new Error(what);
  }
}

function same(actual, expected) {
  return JSON.stringify(actual) === JSON.stringify(expected);
}

try {
  expect(images.length === 3, 'three images are needed, got ' + images.length);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on('pageerror', (error) => { report.pageError = String(error); });
  await signIn(page, base, username, password);
  // What the page hands to XMLHttpRequest, part by part, for the report.
  await page.evaluate(() => {
    window.sentForms = [];
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        window.sentForms.push(Array.from(body.entries()).map(([name, value]) =>
          typeof value === 'string' ? { name, value } : { name, file: value.name }));
      }
      return send.call(this, body);
    };
  });
  const items = page.locator('#slideshow-order > li');
  const order = () => items.evaluateAll((lis) => lis.map((li) => li.dataset.name));
  const message = page.locator('#slideshow-message');
  await page.locator('#slideshow-submit:enabled').waitFor({ timeout: 30000 });

  // One image is not a slideshow: the page says so and sends nothing.
  await page.setInputFiles('#slideshow-images', images[0]);
  await page.click('#slideshow-submit');
  await message.filter({ hasText: /at least 2 images/ }).waitFor({ timeout: 10000 });
  report.tooFewMessage = await message.textContent();
  report.rowsAfterTooFew = await page.locator('#uploads > li').count();
  expect(report.rowsAfterTooFew === 0, 'a refused slideshow must not be sent');
  await items.first().locator('button.remove').click();
  expect(await items.count() === 0, 'the remove button empties the list');

  await page.setInputFiles('#slideshow-images', images);
  report.orderAdded = await order();
  expect(same(report.orderAdded, names), 'images are listed in the order chosen: ' + report.orderAdded);
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#slideshow-order img.thumb'))
    .every((img) => img.complete && img.naturalWidth > 0), null, { timeout: 10000 });
  report.thumbnailsShown = true;

  // The third item dropped on the upper edge of the first goes before it.
  await items.nth(2).dragTo(items.nth(0), { sourcePosition: { x: 12, y: 12 }, targetPosition: { x: 12, y: 3 } });
  report.orderDragged = await order();
  const wanted = [names[2], names[0], names[1]];
  expect(same(report.orderDragged, wanted), 'dragging reorders the list: ' + report.orderDragged);
  await items.nth(0).locator('button.move-down').click();
  report.orderMovedDown = await order();
  expect(same(report.orderMovedDown, [names[0], names[2], names[1]]), 'move down: ' + report.orderMovedDown);
  await items.nth(1).locator('button.move-up').click();
  expect(same(await order(), wanted), 'move up restores the dragged order: ' + (await order()));
  // At the top its up arrow is disabled; the focus stays on the item moved.
  report.focusedItem = await page.evaluate(() => document.activeElement.closest('li')?.dataset.name ?? null);

  await page.selectOption('#slideshow-transition', report.settings.transition);
  await page.selectOption('#slideshow-size', report.settings.size);
  await page.fill('#slideshow-seconds', report.settings.seconds);
  await page.fill('#slideshow-transition-seconds', report.settings.transitionSeconds);
  await page.fill('#slideshow-title', TITLE);
  await page.setInputFiles('#slideshow-audio', audio);
  report.summary = await page.locator('#slideshow-summary').textContent();
  report.fit = await page.locator('#slideshow-fit').inputValue();
  report.kenBurns = await page.locator('#slideshow-ken-burns').isChecked();
  await page.screenshot({ path: path.join(shots, 'slideshow-ordered.png'), fullPage: true });

  // The server's refusal: its detail is shown, the field it names marked, the list kept.
  await page.fill('#slideshow-transition-seconds', '0.8');
  await page.click('#slideshow-submit');
  await message.filter({ hasText: /does not fit image 2/ }).waitFor({ timeout: 30000 });
  report.refusalMessage = await message.textContent();
  report.refusedFieldMarked = await page.locator('#slideshow-transition-seconds[aria-invalid="true"]').count() === 1;
  report.refusedRowReason = await page.locator('#uploads > li.upload-row[data-status="FAILED"] .error').first().textContent();
  expect(report.refusedFieldMarked, 'the field the server named is marked');
  expect(same(await order(), wanted), 'a refusal keeps the images and their order');
  await page.fill('#slideshow-transition-seconds', report.settings.transitionSeconds);

  await page.click('#slideshow-submit');
  const rows = page.locator('#uploads > li.upload-row');
  expect(await rows.count() === 2, 'sending adds one row to the upload list');
  const row = rows.first();
  await row.locator('.status').filter({ hasText: /Uploading|Sent|Processing|READY/ }).waitFor({ timeout: 60000 });
  report.rowName = await row.locator('.name').textContent();
  await page.waitForFunction(() => {
    const newest = document.querySelector('#uploads > li.upload-row');
    return newest.dataset.status === 'FAILED'
      || (newest.dataset.status === 'READY' && !newest.querySelector('a.watch').hidden);
  }, null, { timeout: 240000 });
  report.rowStatus = await row.getAttribute('data-status');
  expect(report.rowStatus === 'READY', 'the slideshow failed: ' + (await row.locator('.error').textContent()));
  report.posterShown = await row.locator('img.poster').evaluate((img) => img.complete && img.naturalWidth > 0);
  report.videoId = new URL(await row.locator('a.watch').getAttribute('href'), base).searchParams.get('id');
  report.sentParts = await page.evaluate(() => window.sentForms[window.sentForms.length - 1]);
  report.formsSent = await page.evaluate(() => window.sentForms.length);
  report.order = report.sentParts.filter((part) => part.name === 'image').map((part) => part.file);
  expect(same(report.order, wanted), 'the images are sent in the list\'s order: ' + report.order);
  report.listClearedAfterSending = await items.count() === 0;
  report.messageAfterSending = await message.textContent();
  await page.screenshot({ path: path.join(shots, 'slideshow-ready.png'), fullPage: true });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error), JSON.stringify(report));
  process.exitCode = 1;
} finally {
  await browser.close();
}
