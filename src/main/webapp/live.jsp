<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Live · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main class="live" data-operator="${requestScope['mediamill.actor'].operator}">
    <h2>Live cameras</h2>
    <c:if test="${requestScope['mediamill.actor'].operator}">
        <form id="start-camera" class="start-camera">
            <label>Camera id <input name="cameraId" required pattern="[A-Za-z0-9][A-Za-z0-9_-]{0,63}" placeholder="front-door"></label>
            <label>Source <input name="source" required placeholder="rtsp://user:password@192.168.1.20:554/stream1"></label>
            <label>RTMP target <input name="rtmpTarget" placeholder="rtmp://media.example.com/live/key (optional)"></label>
            <label>Title <input name="title" maxlength="200" placeholder="Front door"></label>
            <button type="submit">Start</button>
            <button type="button" id="stop-all">Stop all</button>
        </form>
    </c:if>
    <p id="error" class="error" role="alert" hidden></p>
    <p id="no-cameras" class="empty" hidden>No cameras yet.</p>
    <div id="cameras" class="cameras"></div>
</main>
<script src="${pageContext.request.contextPath}/vendor/hls.js/hls.min.js"></script>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/live.js"></script>
</body>
</html>
