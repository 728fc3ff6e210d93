// The upload page's slideshow form: images chosen or dropped are listed as thumbnails in slideshow order, which
// dragging or each item's arrow buttons change; the images, an optional sound track and the settings go to
// /api/compositions in one multipart POST, whose progress and processing show in the upload list like any upload.
(function () {
    'use strict';
    const form = document.getElementById('slideshow-form');
    if (!form || !window.mediamillUploads) {
        return;
    }
    const field = (id) => document.getElementById('slideshow-' + id);
    const imagesInput = field('images');
    const dropZone = field('drop-zone');
    const list = field('order');
    const summary = field('summary');
    const audioInput = field('audio');
    const title = field('title');
    const seconds = field('seconds');
    const transition = field('transition');
    const transitionSeconds = field('transition-seconds');
    const size = field('size');
    const fit = field('fit');
    const kenBurns = field('ken-burns');
    const submit = field('submit');
    const message = field('message');
    const slideTemplate = document.getElementById('slideshow-slide');
    /** Each list item's image: the list's order is the slideshow's. */
    const files = new Map();
    /** The server's limits and choices; none until the options have arrived. */
    let options = null;

    /** The form part the server names in a refusal, and the field it came from. */
    const fieldOfPart = {
        image: imagesInput, audio: audioInput, title: title, secondsPerImage: seconds, transition: transition,
        transitionSeconds: transitionSeconds, width: size, height: size, fit: fit, kenBurns: kenBurns,
    };
    const fitLabels = {
        'contain-blur': 'Whole image on a blurred fill',
        cover: 'Fill the frame (edges cropped)',
        contain: 'Whole image with bars',
    };

    form.closest('section').hidden = false;
    loadOptions();

    imagesInput.addEventListener('change', () => {
        add(Array.from(imagesInput.files));
        imagesInput.value = '';
    });
    ['dragenter', 'dragover'].forEach((type) => dropZone.addEventListener(type, (event) => {
        if (carriesFiles(event)) {
            event.preventDefault();
            dropZone.classList.add('over');
        }
    }));
    ['dragleave', 'drop'].forEach((type) => dropZone.addEventListener(type, () => dropZone.classList.remove('over')));
    dropZone.addEventListener('drop', (event) => {
        event.preventDefault();
        add(Array.from(event.dataTransfer.files));
    });
    list.addEventListener('click', onItemButton);
    reorderByDragging();
    [seconds, transitionSeconds].forEach((input) => input.addEventListener('input', describe));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        send();
    });

    function loadOptions() {
        fetch('/api/compositions/options', { headers: window.mediamillHeaders() })
            .then((response) => response.ok ? response.json()
                : Promise.reject(new Error('the server answered ' + response.status)))
            .then((offered) => {
                options = offered;
                fill(transition, offered.transitions, (name) => name === 'random' ? 'Random (a different one each time)' : name);
                fill(size, offered.sizes, describeSize);
                fill(fit, offered.fits, (name) => fitLabels[name] || name);
                imagesInput.accept = offered.imageTypes.join(',');
                audioInput.accept = offered.audioTypes.join(',');
                submit.disabled = false;
                describe();
            })
            .catch((error) => say('Slideshows cannot be made just now (' + error.message + '). Reload the page to try again.'));
    }

    /** Puts the server's choices into a select, preselecting the default the markup names. */
    function fill(select, values, labelOf) {
        select.replaceChildren(...values.map((value) => new Option(labelOf(value), value)));
        if (values.includes(select.dataset.default)) {
            select.value = select.dataset.default;
        }
    }

    function describeSize(value) {
        const [width, height] = value.split('x').map(Number);
        const shape = width < height ? 'Portrait' : width > height ? 'Landscape' : 'Square';
        return shape + ' ' + width + ' × ' + height;
    }

    /** Lists the images (in the order given) after those already there; other files are named and left out. */
    function add(chosen) {
        const accepted = options ? options.imageTypes : ['image/jpeg', 'image/png', 'image/webp'];
        const refused = chosen.filter((file) => !accepted.includes(file.type));
        chosen.filter((file) => accepted.includes(file.type)).forEach((file) => list.append(item(file)));
        say(refused.length === 0 ? ''
            : refused.map((file) => file.name).join(', ') + (refused.length === 1 ? ' is' : ' are')
                + ' not a JPEG, PNG or WebP image and ' + (refused.length === 1 ? 'was' : 'were') + ' left out.');
        changed();
    }

    function item(file) {
        const li = slideTemplate.content.firstElementChild.cloneNode(true);
        li.dataset.name = file.name;
        li.querySelector('.thumb').src = URL.createObjectURL(file);
        li.querySelector('.name').textContent = file.name;
        label(li.querySelector('.move-up'), 'Move ' + file.name + ' up');
        label(li.querySelector('.move-down'), 'Move ' + file.name + ' down');
        label(li.querySelector('.remove'), 'Remove ' + file.name);
        files.set(li, file);
        return li;
    }

    function label(button, text) {
        button.setAttribute('aria-label', text);
        button.title = text;
    }

    function remove(li) {
        URL.revokeObjectURL(li.querySelector('.thumb').src);
        files.delete(li);
        li.remove();
    }

    function onItemButton(event) {
        const button = event.target.closest('button');
        const li = button && button.closest('li.slide');
        if (!li) {
            return;
        }
        if (button.classList.contains('remove')) {
            const next = li.nextElementSibling || li.previousElementSibling;
            remove(li);
            changed();
            (next ? next.querySelector('.remove') : imagesInput).focus();
        } else if (button.classList.contains('move-up') && li.previousElementSibling) {
            list.insertBefore(li, li.previousElementSibling);
            moved(li, button);
        } else if (button.classList.contains('move-down') && li.nextElementSibling) {
            list.insertBefore(li, li.nextElementSibling.nextElementSibling);
            moved(li, button);
        }
    }

    /** Moving a node drops its focus; keyboard users keep theirs on the button they pressed, or its twin at an end. */
    function moved(li, button) {
        changed();
        const twin = li.querySelector(button.classList.contains('move-up') ? '.move-down' : '.move-up');
        (button.disabled ? twin : button).focus();
    }

    /**
     * HTML5 drag and drop within the list: the dragged item lands before the item under the pointer when the
     * pointer is in that item's upper half, after it otherwise; a line shows where while dragging. Image files
     * dropped on the list are added, as on the drop zone, rather than opened by the browser in place of the page.
     */
    function reorderByDragging() {
        let dragged = null;
        const target = (event) => {
            const li = event.target.closest && event.target.closest('li.slide');
            return li && li !== dragged && list.contains(li) ? li : null;
        };
        const upperHalf = (event, li) => {
            const box = li.getBoundingClientRect();
            return event.clientY < box.top + box.height / 2;
        };
        const unmark = () => list.querySelectorAll('.drop-before, .drop-after')
            .forEach((li) => li.classList.remove('drop-before', 'drop-after'));

        list.addEventListener('dragstart', (event) => {
            dragged = event.target.closest('li.slide');
            if (dragged) {
                event.dataTransfer.effectAllowed = 'move';
                // Firefox starts no drag without data.
                event.dataTransfer.setData('text/plain', dragged.dataset.name);
                dragged.classList.add('dragging');
            }
        });
        list.addEventListener('dragover', (event) => {
            if (!dragged && carriesFiles(event)) {
                event.preventDefault();
                return;
            }
            const li = dragged && target(event);
            if (li) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                unmark();
                li.classList.add(upperHalf(event, li) ? 'drop-before' : 'drop-after');
            }
        });
        list.addEventListener('dragleave', (event) => {
            if (!list.contains(event.relatedTarget)) {
                unmark();
            }
        });
        list.addEventListener('drop', (event) => {
            if (!dragged && carriesFiles(event)) {
                event.preventDefault();
                add(Array.from(event.dataTransfer.files));
                return;
            }
            const li = dragged && target(event);
            if (li) {
                event.preventDefault();
                list.insertBefore(dragged, upperHalf(event, li) ? li : li.nextElementSibling);
                changed();
            }
        });
        list.addEventListener('dragend', () => {
            if (dragged) {
                dragged.classList.remove('dragging');
            }
            dragged = null;
            unmark();
        });
    }

    function carriesFiles(event) {
        return Array.from(event.dataTransfer.types).includes('Files');
    }

    /** After any change to the list: the arrows at its ends do nothing, and the summary follows. */
    function changed() {
        const items = Array.from(list.children);
        items.forEach((li, index) => {
            li.querySelector('.move-up').disabled = index === 0;
            li.querySelector('.move-down').disabled = index === items.length - 1;
        });
        describe();
    }

    /** How many images and about how long the video runs: transitions overlap neighbouring images. */
    function describe() {
        const count = list.children.length;
        const each = Number(seconds.value);
        const overlap = Number(transitionSeconds.value);
        if (count === 0) {
            summary.textContent = '';
        } else if (count === 1 || !(each > 0) || !(overlap >= 0)) {
            summary.textContent = count + (count === 1 ? ' image' : ' images');
        } else {
            summary.textContent = count + ' images, about ' + (count * each - (count - 1) * overlap).toFixed(1) + ' s';
        }
    }

    /** What the page can tell before sending: the number of images and the numbers typed. */
    function problemBeforeSending() {
        const count = list.children.length;
        if (count < options.minImages) {
            return { field: imagesInput, text: 'A slideshow needs at least ' + options.minImages + ' images; '
                + (count === 0 ? 'none is' : 'only ' + count + (count === 1 ? ' is' : ' are')) + ' chosen.' };
        }
        if (count > options.maxImages) {
            return { field: imagesInput, text: 'A slideshow takes at most ' + options.maxImages + ' images; remove '
                + (count - options.maxImages) + '.' };
        }
        const invalid = [seconds, transitionSeconds].find((input) => !input.checkValidity());
        if (invalid) {
            return { field: invalid, text: invalid.labels[0].textContent.trim() + ': ' + invalid.validationMessage };
        }
        return null;
    }

    /** The contract's parts: the images in slideshow order, the sound track, then the settings. */
    function formData() {
        const data = new FormData();
        Array.from(list.children).forEach((li) => data.append('image', files.get(li), files.get(li).name));
        if (audioInput.files.length > 0) {
            data.append('audio', audioInput.files[0], audioInput.files[0].name);
        }
        if (title.value.trim()) {
            data.append('title', title.value.trim());
        }
        const [width, height] = size.value.split('x');
        data.append('secondsPerImage', seconds.value);
        data.append('transition', transition.value);
        data.append('transitionSeconds', transitionSeconds.value);
        data.append('width', width);
        data.append('height', height);
        data.append('fit', fit.value);
        data.append('kenBurns', String(kenBurns.checked));
        return data;
    }

    function send() {
        if (!options) {
            return;
        }
        say('');
        const problem = problemBeforeSending();
        if (problem) {
            say(problem.text, problem.field);
            return;
        }
        const sent = Array.from(list.children);
        const count = sent.length;
        const name = title.value.trim() || 'Slideshow of ' + count + ' images';
        submit.disabled = true;
        // The form sits below the upload list, where its progress shows; the summary points there.
        summary.textContent = 'Sending ' + count + ' images: the upload list above shows the progress.';
        window.mediamillUploads.postForm(name, '/api/compositions', formData())
            .then(() => {
                // Images added while the form was on its way stay for the next slideshow.
                sent.filter((li) => li.isConnected).forEach(remove);
                audioInput.value = '';
                title.value = '';
                changed();
                summary.textContent = 'Sent: the upload list above shows the slideshow being made.';
            })
            .catch((error) => {
                describe();
                say(error.message, fieldOfPart[error.part]);
            })
            .finally(() => {
                submit.disabled = false;
            });
    }

    /** Shows a message (the server's detail, or the page's own) and marks the field it is about. */
    function say(text, about) {
        message.textContent = text;
        form.querySelectorAll('[aria-invalid]').forEach((input) => {
            input.removeAttribute('aria-invalid');
            input.removeAttribute('aria-errormessage');
        });
        if (text && about) {
            about.setAttribute('aria-invalid', 'true');
            about.setAttribute('aria-errormessage', message.id);
        }
    }
})();
