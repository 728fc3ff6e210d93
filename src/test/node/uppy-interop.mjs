// Uploads a file with Uppy (its bundled build and its Tus plugin) in headless Chromium, from a page served on
// another origin than the service, as a site embedding Uppy would: CORS, tus in several PATCHes (small chunks)
// and the exposed Video-Location must all work for a browser client. The site's origin is one the service allows
// (MEDIAMILL_CORS_ORIGINS), and Uppy sends the user's API token, as such a site would.
// node uppy-interop.mjs <endpoint> <file> <title> <API token> <site port>. Prints one JSON line.
import { launchChromium } from './chromium.mjs';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [endpoint, file, title, token, sitePort] = process.argv.slice(2);
const bundle = fs.readFileSync(new URL('./node_modules/uppy/dist/uppy.min.js', import.meta.url));
const video = fs.readFileSync(file);

const site = http.createServer((request, response) => {
  if (request.url === '/uppy.min.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
  } else if (request.url === '/video') {
    response.writeHead(200, { 'Content-Type': 'video/mp4' }).end(video);
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><html><head><script src="/uppy.min.js"></script></head><body></body></html>');
  }
});
await new Promise((resolve) => site.listen(Number(sitePort), '127.0.0.1', resolve));

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
  const report = await page.evaluate(async ({ endpoint, name, title, token }) => {
    const blob = await (await fetch('/video')).blob();
    const patches = [];
    let videoLocation = null;
    const uppy = new Uppy.Uppy();
    uppy.use(Uppy.Tus, {
      endpoint,
      chunkSize: 256 * 1024,
      headers: { Authorization: `Bearer ${token}` },
      retryDelays: [200, 1000],
      onAfterResponse(request, response) {
        if (request.getMethod() === 'PATCH') {
          patches.push(response.getStatus());
        }
        videoLocation = response.getHeader('Video-Location') || videoLocation;
      },
    });
    uppy.addFile({ name, type: 'video/mp4', data: blob, meta: { title } });
    const result = await uppy.upload();
    return {
      successful: result.successful.length,
      failed: result.failed.map((failure) => String(failure.error)),
      uploadURL: result.successful[0]?.uploadURL ?? null,
      patches,
      videoLocation,
      origin: location.origin,
    };
  }, { endpoint, name: path.basename(file), title, token });
  report.size = video.length;
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  await browser.close();
  site.close();
}
