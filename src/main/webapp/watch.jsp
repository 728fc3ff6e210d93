<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Watch · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main class="player" data-video-id="<c:out value='${param.id}'/>">
    <h2 id="title">Loading…</h2>
    <div class="stage">
        <video id="video" controls playsinline preload="metadata"></video>
    </div>
    <div class="seek">
        <input id="seek" type="range" min="0" max="1000" value="0" aria-label="Seek">
        <div id="preview" class="preview" hidden><div class="frame"></div><span class="time"></span></div>
    </div>
    <p class="links"><a id="download" download>Download MP4</a></p>
    <p id="error" class="error" hidden></p>
</main>
<script src="${pageContext.request.contextPath}/vendor/hls.js/hls.min.js"></script>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/player.js"></script>
</body>
</html>
