// Uploads with a progress bar and shows the server's reason when a file is refused; without this script
// the form still posts to the API.
(function () {
    const form = document.getElementById('upload-form');
    const progress = document.getElementById('upload-progress');
    const message = document.getElementById('upload-message');

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        const request = new XMLHttpRequest();
        request.open('POST', form.action);
        request.setRequestHeader('Accept', 'application/json');
        request.upload.addEventListener('progress', function (e) {
            if (e.lengthComputable) {
                progress.value = Math.round(100 * e.loaded / e.total);
            }
        });
        request.addEventListener('load', function () {
            progress.hidden = true;
            if (request.status === 201) {
                location.reload();
                return;
            }
            let reason = 'Upload failed (HTTP ' + request.status + ').';
            try {
                reason = JSON.parse(request.responseText).detail || reason;
            } catch (ignored) { /* not problem+json */ }
            message.textContent = reason;
            message.className = 'error';
        });
        request.addEventListener('error', function () {
            progress.hidden = true;
            message.textContent = 'The connection failed; nothing was stored. Try again.';
            message.className = 'error';
        });
        progress.hidden = false;
        progress.value = 0;
        message.textContent = '';
        request.send(new FormData(form));
    });

    // Keep statuses current while something is still being processed.
    const table = document.getElementById('videos');
    if (table && table.dataset.pending === 'true') {
        setTimeout(function () { location.reload(); }, 3000);
    }
})();
