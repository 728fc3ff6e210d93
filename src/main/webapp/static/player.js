// The player page: HLS through hls.js (Media Source Extensions), native HLS where the browser has it, the
// MP4 otherwise; a seek bar that previews the storyboard tile under the pointer; the download link.
(function () {
    'use strict';
    const main = document.querySelector('main.player');
    const video = document.getElementById('video');
    const seek = document.getElementById('seek');
    const preview = document.getElementById('preview');
    let cues = [];

    fetch('/api/videos/' + encodeURIComponent(main.dataset.videoId), { headers: window.mediamillHeaders() }).then((response) => {
        if (!response.ok) {
            return response.json().then((problem) => Promise.reject(new Error(problem.detail)));
        }
        return response.json();
    }).then(play).catch((error) => {
        const box = document.getElementById('error');
        box.textContent = error.message;
        box.hidden = false;
    });

    function play(meta) {
        document.getElementById('title').textContent = meta.title;
        document.title = meta.title + ' · Mediamill';
        if (meta.status !== 'READY') {
            throw new Error('This video is ' + meta.status.toLowerCase() + '; it can be watched once it is ready.');
        }
        video.poster = meta.posterUrl;
        if (window.Hls && Hls.isSupported()) {
            const hls = new Hls();
            hls.loadSource(meta.hlsUrl);
            hls.attachMedia(video);
        } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
            video.src = meta.hlsUrl;
        } else {
            video.src = meta.mp4Url;
        }
        const download = document.getElementById('download');
        download.href = meta.mp4Url;
        if (meta.storyboardUrl) {
            loadStoryboard(meta.storyboardUrl);
        }
    }

    video.addEventListener('timeupdate', () => {
        if (video.duration) {
            seek.value = Math.round(1000 * video.currentTime / video.duration);
        }
    });
    seek.addEventListener('input', () => {
        if (video.duration) {
            video.currentTime = video.duration * seek.value / 1000;
        }
    });
    seek.addEventListener('mousemove', (event) => {
        if (!video.duration || cues.length === 0) {
            return;
        }
        const box = seek.getBoundingClientRect();
        const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
        const time = fraction * video.duration;
        const cue = cues.find((c) => time >= c.start && time < c.end) || cues[cues.length - 1];
        const frame = preview.querySelector('.frame');
        frame.style.width = cue.w + 'px';
        frame.style.height = cue.h + 'px';
        frame.style.backgroundImage = 'url("' + cue.image + '")';
        frame.style.backgroundPosition = '-' + cue.x + 'px -' + cue.y + 'px';
        preview.querySelector('.time').textContent = formatTime(time);
        preview.style.left = Math.max(0, event.clientX - box.left - cue.w / 2) + 'px';
        preview.hidden = false;
    });
    seek.addEventListener('mouseleave', () => {
        preview.hidden = true;
    });

    /** Reads the WebVTT thumbnails track: each cue names a region (#xywh=) of the sprite. */
    function loadStoryboard(url) {
        fetch(url).then((response) => response.text()).then((vtt) => {
            const base = url.substring(0, url.lastIndexOf('/') + 1);
            const blocks = vtt.split(/\n\n+/).slice(1);
            cues = blocks.map((block) => block.trim().split('\n')).filter((lines) => lines.length >= 2).map((lines) => {
                const [from, to] = lines[0].split(' --> ').map(seconds);
                const [image, region] = lines[1].split('#xywh=');
                const [x, y, w, h] = region.split(',').map(Number);
                return { start: from, end: to, image: base + image, x, y, w, h };
            });
        });
    }

    function seconds(stamp) {
        const [h, m, s] = stamp.trim().split(':');
        return Number(h) * 3600 + Number(m) * 60 + Number(s);
    }

    function formatTime(total) {
        const s = Math.floor(total % 60);
        return Math.floor(total / 60) + ':' + (s < 10 ? '0' : '') + s;
    }
})();
