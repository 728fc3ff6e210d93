// The live page in a real headless Chromium: an operator starts a camera from the form, its card turns RUNNING and
// its hls.js player plays; then, for the latency, the player's frames are sampled every 40 ms and the moments the
// picture flashes white are noted (the test camera flashes for the first second of every ten). Finally the card's
// Stop button stops it. node live.mjs <baseUrl> <user> <password> <cameraId> <source> <screenshots dir>.
// Prints one JSON line.
import { launchChromium } from './chromium.mjs';
import { signIn } from './sign-in.mjs';
import fs from 'node:fs';
import path from 'node:path';

const [base, username, password, camera, source, shots] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });
const browser = await launchChromium();
const report = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => { report.pageError = String(error); });
  await signIn(page, base, username, password, '/live.jsp');
  report.path = new URL(page.url()).pathname;

  await page.fill('input[name=cameraId]', camera);
  await page.fill('input[name=source]', source);
  await page.fill('input[name=title]', 'Browser camera');
  await page.click('#start-camera button[type=submit]');
  const card = page.locator(`#camera-${camera}`);
  await card.and(page.locator('[data-state="RUNNING"]')).waitFor({ timeout: 60000 });
  report.title = await card.locator('h3').textContent();

  await page.waitForFunction((id) => {
    const video = document.querySelector(`#camera-${id} video`);
    return video && !video.paused && video.currentTime > 1;
  }, camera, { timeout: 60000 });
  const before = await card.locator('video').evaluate((video) => video.currentTime);
  await page.waitForTimeout(2000);
  report.advancedSeconds = (await card.locator('video').evaluate((video) => video.currentTime)) - before;
  await page.screenshot({ path: path.join(shots, 'live-playing.png'), fullPage: true });

  report.flashes = await card.locator('video').evaluate(async (video) => {
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 18;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const flashes = [];
    let bright = false;
    const end = Date.now() + 24000;
    while (Date.now() < end) {
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        sum += pixels[i] + pixels[i + 1] + pixels[i + 2];
      }
      const white = sum / (pixels.length / 4) / 3 > 230;
      if (white && !bright) {
        flashes.push(Date.now());
      }
      bright = white;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    return flashes;
  });

  await card.locator('button.stop').click();
  await card.and(page.locator('[data-state="STOPPED"]')).waitFor({ timeout: 30000 });
  report.stopped = true;
} catch (error) {
  report.error = String(error);
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
