// The upload page: every dropped or chosen file goes up with tus (resumable, pausable), then its processing
// is followed live until the poster and the player link appear. A refused file shows the server's reason.
// Other forms on the page that make a video (the slideshow) send through window.mediamillUploads.postForm, so
// their progress shows in the same list and is followed the same way.
(function () {
    'use strict';
    const list = document.getElementById('uploads');
    const rowTemplate = document.getElementById('upload-row');
    const input = document.getElementById('file-input');
    const dropZone = document.getElementById('drop-zone');

    input.addEventListener('change', () => {
        Array.from(input.files).forEach(start);
        input.value = '';
    });
    ['dragenter', 'dragover'].forEach((type) => dropZone.addEventListener(type, (event) => {
        event.preventDefault();
        dropZone.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach((type) => dropZone.addEventListener(type, () => dropZone.classList.remove('over')));
    dropZone.addEventListener('drop', (event) => {
        event.preventDefault();
        Array.from(event.dataTransfer.files).forEach(start);
    });

    window.mediamillUploads = { postForm };

    function start(file) {
        const ui = addRow(file.name);
        let videoLocation = null;
        const speed = speedometer();
        const upload = new tus.Upload(file, {
            endpoint: '/api/uploads',
            headers: window.mediamillHeaders(),
            retryDelays: [0, 1000, 3000, 5000, 10000],
            removeFingerprintOnSuccess: true,
            metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', title: file.name.replace(/\.[^.]+$/, '') },
            onProgress(sent, total) {
                showSent(ui, speed, sent, total);
            },
            onAfterResponse(request, response) {
                videoLocation = response.getHeader('Video-Location') || videoLocation;
            },
            onSuccess() {
                ui.pause.hidden = true;
                ui.rate.textContent = '';
                follow(videoLocation, ui);
            },
            onError(error) {
                fail(ui, reasonOf(error));
            },
        });
        ui.pause.addEventListener('click', () => {
            if (ui.pause.textContent === 'Pause') {
                upload.abort();
                ui.pause.textContent = 'Resume';
                ui.status.textContent = 'Paused at ' + ui.bar.value + '%';
            } else {
                ui.pause.textContent = 'Pause';
                upload.start();
            }
        });
        // A file chosen again after a reload continues where its earlier upload stopped.
        upload.findPreviousUploads().then((previous) => {
            if (previous.length > 0) {
                upload.resumeFromPreviousUpload(previous[0]);
            }
            upload.start();
        });
    }

    /**
     * Sends a multipart form that makes a video in one request (no tus: such a form is not resumable, so the row
     * offers no pause) and, once the server has made the video, follows its processing like any upload's.
     * Resolves with the new video; rejects with an Error carrying the server's reason and the refused `part`.
     */
    function postForm(name, url, form) {
        const ui = addRow(name);
        ui.pause.hidden = true;
        const speed = speedometer();
        return new Promise((resolve, reject) => {
            const request = new XMLHttpRequest();
            request.open('POST', url);
            Object.entries(window.mediamillHeaders()).forEach(([header, value]) => request.setRequestHeader(header, value));
            request.setRequestHeader('Accept', 'application/json');
            // Upload progress is only reported to listeners registered before send().
            request.upload.addEventListener('progress', (event) => {
                if (event.lengthComputable) {
                    showSent(ui, speed, event.loaded, event.total);
                }
            });
            // The server checks the whole form before it answers, which may take a moment after the last byte.
            request.upload.addEventListener('load', () => {
                ui.rate.textContent = '';
                ui.status.textContent = 'Sent, waiting for the server';
            });
            request.addEventListener('load', () => {
                ui.rate.textContent = '';
                const body = parsed(request.responseText);
                if (request.status === 201 && body && body.id) {
                    follow('/api/videos/' + encodeURIComponent(body.id), ui);
                    resolve(body);
                } else {
                    const refusal = refusalOf(request.status, body);
                    fail(ui, refusal.message);
                    reject(refusal);
                }
            });
            request.addEventListener('error', () => {
                const lost = new Error('The upload could not continue: the connection to the server was lost.');
                fail(ui, lost.message);
                reject(lost);
            });
            request.send(form);
        });
    }

    function addRow(name) {
        const row = rowTemplate.content.firstElementChild.cloneNode(true);
        const ui = {
            row,
            name: row.querySelector('.name'),
            bar: row.querySelector('progress'),
            status: row.querySelector('.status'),
            rate: row.querySelector('.rate'),
            error: row.querySelector('.error'),
            pause: row.querySelector('.pause'),
            watch: row.querySelector('.watch'),
            poster: row.querySelector('.poster'),
        };
        ui.name.textContent = name;
        list.prepend(row);
        return ui;
    }

    function showSent(ui, speed, sent, total) {
        ui.bar.value = Math.floor(100 * sent / total);
        ui.status.textContent = 'Uploading ' + ui.bar.value + '%';
        ui.rate.textContent = speed.describe(sent, total);
    }

    /** Processing progress, pushed by the server, until the video is READY or FAILED. */
    function follow(location, ui) {
        ui.row.dataset.status = 'PROCESSING';
        ui.status.textContent = 'Processing';
        const events = new EventSource(location + '/events');
        events.addEventListener('progress', (event) => {
            const video = JSON.parse(event.data);
            ui.row.dataset.status = video.status;
            ui.bar.value = video.progress;
            ui.status.textContent = video.status === 'PROCESSING' ? 'Processing ' + video.progress + '%' : video.status;
            if (video.status === 'READY' || video.status === 'FAILED') {
                events.close();
                if (video.status === 'FAILED') {
                    fail(ui, video.error);
                } else {
                    ready(location, ui);
                }
            }
        });
    }

    function ready(location, ui) {
        fetch(location, { headers: window.mediamillHeaders() }).then((response) => response.json()).then((video) => {
            ui.poster.src = video.posterUrl;
            ui.poster.hidden = false;
            ui.watch.href = '/watch.jsp?id=' + encodeURIComponent(video.id);
            ui.watch.hidden = false;
            ui.row.dataset.status = 'READY';
        });
    }

    function fail(ui, reason) {
        ui.row.dataset.status = 'FAILED';
        ui.status.textContent = 'Failed';
        ui.pause.hidden = true;
        ui.error.textContent = reason;
        ui.error.hidden = false;
    }

    /** The server's own words (problem+json detail) when it refused the file. */
    function reasonOf(error) {
        const response = error.originalResponse;
        if (response) {
            try {
                return JSON.parse(response.getBody()).detail || String(error);
            } catch (ignored) {
                return 'The server answered ' + response.getStatus() + '.';
            }
        }
        return 'The upload could not continue: ' + error.message;
    }

    /** The server's problem+json (detail, and the form part it refused) as an Error; a bare status otherwise. */
    function refusalOf(status, problem) {
        const fallback = status === 413 ? 'The files together are larger than the server accepts.'
            : 'The server answered ' + status + '.';
        const error = new Error((problem && (problem.detail || problem.title)) || fallback);
        error.status = status;
        error.part = problem ? problem.part : undefined;
        return error;
    }

    function parsed(text) {
        try {
            return JSON.parse(text);
        } catch (ignored) {
            return null;
        }
    }

    /** Upload speed over the last seconds and the time left at that speed. */
    function speedometer() {
        const samples = [];
        return {
            describe(sent, total) {
                const now = Date.now();
                samples.push([now, sent]);
                while (samples.length > 2 && now - samples[0][0] > 5000) {
                    samples.shift();
                }
                const [t0, s0] = samples[0];
                const perSecond = now > t0 ? (sent - s0) * 1000 / (now - t0) : 0;
                if (perSecond <= 0) {
                    return '';
                }
                const left = Math.round((total - sent) / perSecond);
                return (perSecond / 1048576).toFixed(1) + ' MiB/s, ' + (left >= 60 ? Math.floor(left / 60) + ' min ' : '')
                    + (left % 60) + ' s left';
            },
        };
    }
})();
