// The library page: delete a video in place; keep statuses current while something is being processed.
(function () {
    'use strict';
    const table = document.getElementById('videos');
    if (!table) {
        return;
    }
    table.addEventListener('click', (event) => {
        if (!event.target.classList.contains('delete')) {
            return;
        }
        const row = event.target.closest('tr');
        const title = row.querySelector('td:nth-child(2)').textContent.trim();
        if (!window.confirm('Delete "' + title + '" and all its files?')) {
            return;
        }
        fetch('/api/videos/' + encodeURIComponent(row.dataset.id), { method: 'DELETE', headers: window.mediamillHeaders() }).then((response) => {
            if (response.ok) {
                row.remove();
            } else {
                response.json().then((problem) => window.alert(problem.detail));
            }
        });
    });
    if (table.dataset.pending === 'true') {
        setTimeout(() => location.reload(), 3000);
    }
})();
