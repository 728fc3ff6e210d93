// Uploads a file to the service with the real tus-js-client through a TCP proxy that cuts the first
// connection after 40% of the file has passed, mid-request; tus-js-client must notice, ask the server how
// far it got (HEAD) and resume. node tus-interop.mjs <endpoint> <file> <title> <API token>. Prints one JSON line.
import * as tus from 'tus-js-client';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const [endpoint, file, title, token] = process.argv.slice(2);
const data = fs.readFileSync(file);
const target = new URL(endpoint);
const report = { size: data.length, cutAt: null, resumedFrom: null, videoLocation: null, url: null };

let cutDone = false;
const proxy = net.createServer((client) => {
  const upstream = net.connect(Number(target.port), target.hostname);
  let forwarded = 0;
  client.on('data', (chunk) => {
    if (!cutDone && forwarded + chunk.length > data.length * 0.4) {
      cutDone = true;
      report.cutAt = forwarded;
      client.destroy();
      upstream.destroy();
      return;
    }
    forwarded += chunk.length;
    upstream.write(chunk);
  });
  upstream.on('data', (chunk) => client.write(chunk));
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.end());
  upstream.on('close', () => client.end());
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxied = `http://127.0.0.1:${proxy.address().port}${target.pathname}`;

try {
  await new Promise((resolve, reject) => {
    const upload = new tus.Upload(data, {
      endpoint: proxied,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { filename: path.basename(file), filetype: 'video/mp4', title },
      retryDelays: [200, 500, 1000, 2000, 4000],
      onAfterResponse(request, response) {
        if (request.getMethod() === 'HEAD') {
          report.resumedFrom = Number(response.getHeader('Upload-Offset'));
        }
        const location = response.getHeader('Video-Location');
        if (location) {
          report.videoLocation = location;
        }
      },
      onSuccess() {
        report.url = upload.url;
        resolve();
      },
      onError: reject,
    });
    upload.start();
  });
  console.log(JSON.stringify(report));
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  proxy.close();
}
