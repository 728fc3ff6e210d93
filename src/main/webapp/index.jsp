<%@ page contentType="text/html; charset=UTF-8" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Upload · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
    <section class="upload">
        <h2>Upload videos</h2>
        <label id="drop-zone" class="drop-zone">
            <span>Drop videos here, or choose them</span>
            <input id="file-input" type="file" accept="video/*,audio/*" multiple>
        </label>
        <p class="hint">Uploads resume where they stopped: after a dropped connection on their own, after a page
            reload when you choose the same file again.</p>
        <ul id="uploads" class="uploads"></ul>
    </section>
    <%-- Shown by slideshow.js once it runs: the form is composed and sent by script, the upload list above
         shows its progress. --%>
    <section class="slideshow" hidden>
        <h2>Make a slideshow</h2>
        <form id="slideshow-form" novalidate>
            <label id="slideshow-drop-zone" class="drop-zone">
                <span>Drop images here, or choose them (JPEG, PNG or WebP)</span>
                <input id="slideshow-images" type="file" accept="image/jpeg,image/png,image/webp" multiple>
            </label>
            <p id="slideshow-order-hint" class="hint">Drag the images into the order they should play in, or use
                the arrows beside each.</p>
            <ol id="slideshow-order" class="slides" aria-describedby="slideshow-order-hint"></ol>
            <p id="slideshow-summary" class="hint" aria-live="polite"></p>
            <div class="settings">
                <label>Title (optional)
                    <input id="slideshow-title" type="text">
                </label>
                <label>Music or narration (optional)
                    <input id="slideshow-audio" type="file" accept="audio/*">
                </label>
                <label>Seconds per image
                    <input id="slideshow-seconds" type="number" min="0.1" step="any" value="3" required>
                </label>
                <label>Transition
                    <select id="slideshow-transition" data-default="fade"></select>
                </label>
                <label>Transition seconds
                    <input id="slideshow-transition-seconds" type="number" min="0" step="any" value="0.5" required>
                </label>
                <label>Size
                    <select id="slideshow-size" data-default="1080x1920"></select>
                </label>
                <label>Fit
                    <select id="slideshow-fit" data-default="contain-blur"></select>
                </label>
                <label class="check">
                    <input id="slideshow-ken-burns" type="checkbox"> Slow zoom and pan (Ken Burns)
                </label>
            </div>
            <div class="send">
                <button id="slideshow-submit" type="submit" disabled>Make the slideshow</button>
                <div id="slideshow-message" class="error" role="alert"></div>
            </div>
        </form>
    </section>
    <noscript><p class="error">Uploading from this page needs JavaScript; without it, use the API
        (<code>curl -u name -F file=@video.mp4 …/api/videos</code>, or for a slideshow
        <code>curl -u name -F image=@1.jpg -F image=@2.jpg …/api/compositions</code>).</p></noscript>
</main>
<template id="upload-row">
    <li class="upload-row" data-status="UPLOADING">
        <img class="poster" alt="" hidden>
        <div class="details">
            <div class="name"></div>
            <progress max="100" value="0"></progress>
            <div class="meta"><span class="status">Waiting</span> <span class="rate"></span></div>
            <div class="error" hidden></div>
        </div>
        <div class="actions">
            <button type="button" class="pause">Pause</button>
            <a class="watch" hidden>Watch</a>
        </div>
    </li>
</template>
<template id="slideshow-slide">
    <li class="slide" draggable="true">
        <img class="thumb" alt="" draggable="false">
        <span class="name"></span>
        <span class="slide-actions">
            <button type="button" class="move-up">↑</button>
            <button type="button" class="move-down">↓</button>
            <button type="button" class="remove">Remove</button>
        </span>
    </li>
</template>
<script src="${pageContext.request.contextPath}/vendor/tus-js-client/tus.min.js"></script>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/upload.js"></script>
<script src="${pageContext.request.contextPath}/static/slideshow.js"></script>
</body>
</html>
