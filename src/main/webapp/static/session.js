// What every script of our pages sends with its requests: the session's CSRF token (state-changing requests
// authenticated by the session cookie need it) and X-Requested-With, so an expired session answers 401 without
// a Basic challenge that would open the browser's own password dialog.
window.mediamillHeaders = function () {
    'use strict';
    const header = document.querySelector('header[data-csrf-token]');
    return { 'X-CSRF-Token': header ? header.dataset.csrfToken : '', 'X-Requested-With': 'mediamill' };
};
