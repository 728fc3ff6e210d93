// The users page (operators): list users, add one, change roles, password or disabled, delete. Every change
// goes through /api/users with the page's CSRF token; a refusal shows the server's reason.
(function () {
    'use strict';
    const body = document.querySelector('#users tbody');
    const template = document.getElementById('user-row');
    const errorBox = document.getElementById('users-error');

    function call(method, path, payload) {
        const headers = Object.assign({ 'Content-Type': 'application/json' }, window.mediamillHeaders());
        return fetch(path, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) })
            .then((response) => {
                if (response.ok) {
                    errorBox.hidden = true;
                    return response.status === 204 ? null : response.json();
                }
                return response.json().then((problem) => Promise.reject(new Error(problem.detail)));
            });
    }

    function show(error) {
        errorBox.textContent = error.message;
        errorBox.hidden = false;
    }

    function render(users) {
        body.replaceChildren();
        users.forEach((user) => {
            const row = template.content.firstElementChild.cloneNode(true);
            row.dataset.username = user.username;
            row.querySelector('.name').textContent = user.username;
            row.querySelectorAll('.role').forEach((box) => { box.checked = user.roles.includes(box.value); });
            row.querySelector('.disabled').checked = user.disabled;
            body.appendChild(row);
        });
    }

    function load() {
        call('GET', '/api/users').then(render).catch(show);
    }

    body.addEventListener('click', (event) => {
        const row = event.target.closest('tr');
        if (!row) {
            return;
        }
        const path = '/api/users/' + encodeURIComponent(row.dataset.username);
        if (event.target.classList.contains('save')) {
            const change = {
                roles: Array.from(row.querySelectorAll('.role:checked')).map((box) => box.value),
                disabled: row.querySelector('.disabled').checked,
            };
            const password = row.querySelector('.password').value;
            if (password) {
                change.password = password;
            }
            call('PATCH', path, change).then(load).catch(show);
        } else if (event.target.classList.contains('delete')
                && window.confirm('Delete user ' + row.dataset.username + '? Their videos stay.')) {
            call('DELETE', path).then(load).catch(show);
        }
    });

    document.getElementById('new-user').addEventListener('submit', (event) => {
        event.preventDefault();
        const form = event.target;
        const roles = ['uploader', 'operator'].filter((role) => form.elements[role].checked);
        call('POST', '/api/users', { username: form.elements.username.value, password: form.elements.password.value, roles })
            .then(() => { form.reset(); load(); }).catch(show);
    });

    load();
})();
