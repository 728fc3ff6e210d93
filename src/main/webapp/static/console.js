// The batch console (operators): job executions with their actions, a video's attempts, the queue and its nodes.
// Everything shown comes from the event stream GET /api/jobs/events, which pushes the page's data whenever it
// changes, so the page stays current without reloads. Actions are POSTs with the page's CSRF token; a refusal
// shows the server's reason in words.
(function () {
    'use strict';
    const PAGE_SIZE = 20;
    const jobsBody = document.querySelector('#jobs tbody');
    const nodesBody = document.querySelector('#nodes tbody');
    const attemptsPanel = document.getElementById('attempts-panel');
    const attemptsBody = document.querySelector('#attempts tbody');
    const errorBox = document.getElementById('console-error');
    const noticeBox = document.getElementById('console-notice');
    const live = document.getElementById('live');
    const statusFilter = document.getElementById('status-filter');
    const state = { status: new URLSearchParams(location.search).get('status') || '', page: 0, video: null,
        source: null, jobsKey: null, loadingAttempts: false, attemptsStale: false };

    function showError(message) {
        errorBox.textContent = message;
        errorBox.hidden = false;
    }

    function showNotice(message) {
        noticeBox.textContent = message;
        noticeBox.hidden = false;
        errorBox.hidden = true;
    }

    function problemOf(response) {
        return response.json().then((problem) => problem.detail || problem.title,
            () => 'The server answered ' + response.status + ' ' + response.statusText + '.');
    }

    function call(method, path) {
        return fetch(path, { method, headers: window.mediamillHeaders() }).then((response) => response.ok
            ? response.json()
            : problemOf(response).then((detail) => Promise.reject(new Error(detail))));
    }

    function time(iso) {
        return iso ? new Date(iso).toLocaleString() : '';
    }

    function duration(seconds) {
        const h = Math.floor(seconds / 3600);
        const m = Math.floor((seconds % 3600) / 60);
        const s = seconds % 60;
        return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + s + ' s';
    }

    function cell(row, text, className) {
        const td = row.insertCell();
        td.textContent = text === null || text === undefined ? '' : String(text);
        if (className) {
            td.className = className;
        }
        return td;
    }

    function button(td, action, label) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = action;
        b.dataset.action = action;
        b.textContent = label;
        td.append(b, ' ');
    }

    function renderJobs(page) {
        // Rows are rebuilt only when they changed: a button about to be clicked stays where it is.
        const key = JSON.stringify(page);
        if (key === state.jobsKey) {
            return;
        }
        state.jobsKey = key;
        jobsBody.replaceChildren();
        page.jobs.forEach((job) => {
            const row = jobsBody.insertRow();
            row.dataset.executionId = job.executionId;
            row.dataset.videoId = job.videoId;
            row.dataset.status = job.batchStatus;
            row.dataset.attempt = job.attempt;
            row.classList.toggle('selected', job.videoId === state.video);
            cell(row, job.executionId);
            const video = row.insertCell();
            const link = document.createElement('a');
            link.href = '/watch.jsp?id=' + encodeURIComponent(job.videoId);
            link.textContent = job.videoTitle === null ? job.videoId + ' (deleted)' : job.videoTitle;
            video.append(link);
            cell(row, job.attempt + (job.latest ? '' : ' (earlier)'));
            cell(row, job.batchStatus, 'status status-' + job.batchStatus);
            cell(row, job.exitStatus);
            cell(row, job.currentStep);
            cell(row, job.latest && job.videoProgress !== null ? job.videoProgress + ' %' : '');
            cell(row, job.node);
            cell(row, time(job.startedAt));
            cell(row, time(job.endedAt));
            cell(row, duration(job.durationSeconds));
            cell(row, job.error ? (job.failedStep ? job.failedStep + ': ' : '') + job.error : '', 'error');
            const actions = row.insertCell();
            actions.className = 'actions';
            if (job.restartable) {
                button(actions, 'restart', 'Restart');
            }
            if (job.stoppable) {
                button(actions, 'stop', 'Stop');
            }
            if (job.abandonable) {
                button(actions, 'abandon', 'Abandon');
            }
            if (job.latest && job.batchStatus === 'ABANDONED') {
                // Its video waits as FAILED: restarting the video (not this execution) starts a new job instance.
                button(actions, 'afresh', 'Start afresh');
            }
        });
        if (page.jobs.length === 0) {
            const row = jobsBody.insertRow();
            const td = cell(row, state.status ? 'No ' + state.status + ' job executions.' : 'No job executions yet.', 'empty');
            td.colSpan = 13;
        }
        const first = page.total === 0 ? 0 : page.page * page.size + 1;
        document.getElementById('page-info').textContent = first + '–' + (page.page * page.size + page.jobs.length)
            + ' of ' + page.total;
        document.getElementById('newer').disabled = page.page === 0;
        document.getElementById('older').disabled = (page.page + 1) * page.size >= page.total;
    }

    function renderQueue(queue) {
        document.querySelectorAll('#queue-depth dd').forEach((dd) => {
            const field = dd.dataset.field;
            dd.textContent = field === 'failedVideos' ? queue.failedVideos : queue.queue[field];
        });
        document.getElementById('this-node').textContent = queue.node;
        nodesBody.replaceChildren();
        queue.nodes.forEach((node) => {
            const row = nodesBody.insertRow();
            row.dataset.node = node.name;
            row.dataset.alive = node.alive;
            cell(row, node.name);
            cell(row, node.alive ? 'alive' : 'not answering', node.alive ? 'alive' : 'dead');
            cell(row, time(node.lastHeartbeat));
            cell(row, node.workers);
            cell(row, node.runningTasks);
            const processing = row.insertCell();
            processing.className = 'processing';
            node.running.forEach((video) => {
                const link = document.createElement('a');
                link.href = '/watch.jsp?id=' + encodeURIComponent(video.videoId);
                link.dataset.videoId = video.videoId;
                link.textContent = video.title + ' (' + video.progress + ' %)';
                processing.append(link, ' ');
            });
            cell(row, !node.sync ? '' : node.sync.backlog + ' waiting'
                + (node.sync.lastError ? ': ' + node.sync.lastError : ''), node.sync && node.sync.lastError ? 'error' : '');
            cell(row, time(node.startedAt));
        });
    }

    function renderAttempts(attempts) {
        attemptsBody.replaceChildren();
        attempts.forEach((attempt) => {
            const row = attemptsBody.insertRow();
            row.dataset.executionId = attempt.executionId;
            row.dataset.status = attempt.status;
            cell(row, attempt.attempt);
            cell(row, attempt.executionId);
            cell(row, attempt.node);
            cell(row, attempt.status, 'status status-' + attempt.status);
            cell(row, time(attempt.startedAt));
            cell(row, time(attempt.endedAt));
            cell(row, attempt.failedStep);
            cell(row, attempt.error, 'error');
        });
        attemptsPanel.hidden = false;
    }

    function loadAttempts() {
        if (!state.video) {
            return;
        }
        if (state.loadingAttempts) {
            // One request at a time, but the change that asked for this one is not to be missed: again after it.
            state.attemptsStale = true;
            return;
        }
        state.loadingAttempts = true;
        state.attemptsStale = false;
        const video = state.video;
        call('GET', '/api/videos/' + encodeURIComponent(video) + '/attempts')
            .then((attempts) => {
                if (video === state.video) {
                    renderAttempts(attempts);
                }
            })
            .catch((error) => showError('The attempts of this video could not be loaded: ' + error.message))
            .finally(() => {
                state.loadingAttempts = false;
                if (state.attemptsStale) {
                    loadAttempts();
                }
            });
    }

    /** Why the stream closed for good (it says nothing itself): the same request as a plain GET tells. */
    function explainClosedStream(query) {
        fetch('/api/jobs?' + query, { headers: window.mediamillHeaders() }).then((response) => {
            if (response.status === 401) {
                showError('Your session has ended: sign in again to keep watching the jobs.');
            } else if (!response.ok) {
                problemOf(response).then(showError);
            } else {
                showError('Live updates stopped. Reload the page to start them again.');
            }
        }, () => showError('The server cannot be reached; live updates stopped. Reload the page once it is back.'));
    }

    function connect() {
        if (state.source) {
            state.source.close();
        }
        const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
        if (state.status) {
            query.set('status', state.status);
        }
        live.textContent = 'connecting…';
        const source = new EventSource('/api/jobs/events?' + query);
        state.source = source;
        source.addEventListener('console', (event) => {
            const data = JSON.parse(event.data);
            live.textContent = 'live · updated ' + new Date().toLocaleTimeString();
            live.classList.remove('lost');
            if (errorBox.dataset.fromStream === 'true') {
                errorBox.hidden = true;
                errorBox.dataset.fromStream = 'false';
            }
            renderJobs(data.jobs);
            renderQueue(data.queue);
            loadAttempts();
        });
        source.addEventListener('problem', (event) => {
            showError(JSON.parse(event.data).detail);
            errorBox.dataset.fromStream = 'true';
        });
        source.onerror = () => {
            live.classList.add('lost');
            if (source.readyState === EventSource.CLOSED) {
                live.textContent = 'not live';
                explainClosedStream(query);
            } else {
                live.textContent = 'connection lost, reconnecting…';
            }
        };
    }

    const verbs = {
        restart: (id, answer) => 'Job execution ' + id + ' restarted as job execution ' + answer.executionId + '.',
        stop: (id) => 'Job execution ' + id + ' was asked to stop; its video waits as FAILED for a restart.',
        abandon: (id) => 'Job execution ' + id + ' was abandoned; "Start afresh" processes its video from the beginning.',
        afresh: (id, video) => 'Video "' + video.title + '" is processed afresh.',
    };

    jobsBody.addEventListener('click', (event) => {
        const row = event.target.closest('tr[data-execution-id]');
        if (!row || event.target.closest('a')) {
            return;
        }
        const action = event.target.dataset.action;
        const id = row.dataset.executionId;
        if (action) {
            if (action === 'abandon' && !window.confirm('Abandon job execution ' + id
                    + ' for good? A later restart of its video starts from the beginning.')) {
                return;
            }
            event.target.disabled = true;
            const path = action === 'afresh' ? '/api/videos/' + encodeURIComponent(row.dataset.videoId) + '/restart'
                : '/api/jobs/' + id + '/' + action;
            call('POST', path)
                .then((answer) => showNotice(verbs[action](id, answer)))
                .catch((error) => {
                    event.target.disabled = false;
                    showError(event.target.textContent + ' did not work: ' + error.message);
                });
            return;
        }
        state.video = row.dataset.videoId;
        document.getElementById('attempts-title').textContent = row.cells[1].textContent;
        jobsBody.querySelectorAll('tr').forEach((r) => r.classList.toggle('selected', r.dataset.videoId === state.video));
        loadAttempts();
    });

    statusFilter.value = state.status;
    statusFilter.addEventListener('change', () => {
        state.status = statusFilter.value;
        state.page = 0;
        const url = new URL(location.href);
        if (state.status) {
            url.searchParams.set('status', state.status);
        } else {
            url.searchParams.delete('status');
        }
        history.replaceState(null, '', url);
        connect();
    });
    document.getElementById('newer').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); connect(); });
    document.getElementById('older').addEventListener('click', () => { state.page += 1; connect(); });
    window.addEventListener('pagehide', () => state.source && state.source.close());

    connect();
})();
