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
    <noscript><p class="error">Uploading from this page needs JavaScript; without it, use the API
        (<code>curl -u name -F file=@video.mp4 …/api/videos</code>).</p></noscript>
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
<script src="${pageContext.request.contextPath}/vendor/tus-js-client/tus.min.js"></script>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/upload.js"></script>
</body>
</html>
