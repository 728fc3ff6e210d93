// The live page: every camera with its state and a low-latency hls.js player while it runs; operators start
// cameras, stop one or all. The list is read again every two seconds; players are kept across refreshes.
(function () {
    'use strict';
    const main = document.querySelector('main.live');
    const operator = main.dataset.operator === 'true';
    const list = document.getElementById('cameras');
    const errorBox = document.getElementById('error');
    const players = new Map();

    function showError(message) {
        errorBox.textContent = message;
        errorBox.hidden = !message;
    }

    function call(method, path, body) {
        const headers = Object.assign({ 'Content-Type': 'application/json' }, window.mediamillHeaders());
        return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
            .then((response) => response.ok ? response.json()
                : response.json().catch(() => ({ detail: response.statusText }))
                    .then((problem) => Promise.reject(new Error(problem.detail || problem.title))));
    }

    function text(value) {
        return value === null || value === undefined ? '' : String(value);
    }

    function card(stream) {
        let item = document.getElementById('camera-' + stream.cameraId);
        if (!item) {
            item = document.createElement('section');
            item.id = 'camera-' + stream.cameraId;
            item.className = 'camera';
            item.dataset.cameraId = stream.cameraId;
            item.innerHTML = '<h3></h3><p class="state"></p><p class="facts"></p><p class="error"></p>'
                + '<video muted playsinline controls></video>';
            if (operator) {
                const stop = document.createElement('button');
                stop.className = 'stop';
                stop.textContent = 'Stop';
                stop.addEventListener('click', () => call('DELETE', '/api/streams/' + encodeURIComponent(stream.cameraId))
                    .then(refresh, (error) => showError(error.message)));
                item.appendChild(stop);
            }
            list.appendChild(item);
        }
        item.dataset.state = stream.state;
        item.querySelector('h3').textContent = stream.title || stream.cameraId;
        item.querySelector('.state').textContent = stream.state
            + (stream.uptimeSeconds !== null && stream.uptimeSeconds !== undefined ? ' for ' + stream.uptimeSeconds + ' s' : '')
            + (stream.restarts ? ' · ' + stream.restarts + ' restart(s)' : '');
        const input = stream.input;
        item.querySelector('.facts').textContent = [
            input ? input.videoCodec + ' ' + input.width + '×' + input.height + (input.audioCodec ? ' + ' + input.audioCodec : '') : '',
            stream.transcoding ? 'transcoded to H.264' : '',
            stream.outputBitrate ? Math.round(stream.outputBitrate / 1000) + ' kbit/s' : '',
            stream.viewers ? stream.viewers + ' viewer(s)' : ''
        ].filter(Boolean).join(' · ');
        item.querySelector('.error').textContent = stream.state === 'RUNNING' ? '' : text(stream.lastError);
        const stopButton = item.querySelector('button.stop');
        if (stopButton) {
            stopButton.disabled = !['STARTING', 'RUNNING', 'RETRYING'].includes(stream.state);
        }
        play(item, stream);
    }

    function play(item, stream) {
        const video = item.querySelector('video');
        const player = players.get(stream.cameraId);
        if (stream.state !== 'RUNNING') {
            if (player && stream.state !== 'RETRYING') {
                player.destroy();
                players.delete(stream.cameraId);
            }
            return;
        }
        if (player || !(window.Hls && Hls.isSupported())) {
            if (!player && video.canPlayType('application/vnd.apple.mpegurl') && !video.src) {
                video.src = stream.playlist;
                video.play().catch(() => {});
            }
            return;
        }
        // Live edge two segments back: low latency, with a segment of slack for the network.
        const hls = new Hls({ liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 5, manifestLoadingMaxRetry: 10,
            levelLoadingMaxRetry: 10, fragLoadingMaxRetry: 10 });
        hls.on(Hls.Events.ERROR, (event, data) => {
            if (data.fatal && data.type === Hls.ErrorTypes.MEDIA_ERROR) {
                hls.recoverMediaError();
            } else if (data.fatal) {
                // The relay restarted elsewhere or its signed URL expired: the next refresh starts afresh.
                hls.destroy();
                players.delete(stream.cameraId);
            }
        });
        hls.loadSource(stream.playlist);
        hls.attachMedia(video);
        hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
        players.set(stream.cameraId, hls);
    }

    function refresh() {
        return call('GET', '/api/streams').then((streams) => {
            showError('');
            document.getElementById('no-cameras').hidden = streams.length > 0;
            streams.forEach(card);
        }, (error) => showError(error.message));
    }

    const form = document.getElementById('start-camera');
    if (form) {
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const data = new FormData(form);
            const body = { source: data.get('source') };
            if (data.get('rtmpTarget')) {
                body.rtmpTarget = data.get('rtmpTarget');
            }
            if (data.get('title')) {
                body.title = data.get('title');
            }
            call('PUT', '/api/streams/' + encodeURIComponent(data.get('cameraId')), body)
                .then(() => { form.reset(); return refresh(); }, (error) => showError(error.message));
        });
        document.getElementById('stop-all').addEventListener('click', () =>
            call('DELETE', '/api/streams').then(refresh, (error) => showError(error.message)));
    }

    refresh();
    setInterval(refresh, 2000);
}());
