<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<header><h1>Mediamill</h1></header>
<main>
    <section class="upload">
        <h2>Upload a video</h2>
        <form id="upload-form" action="${pageContext.request.contextPath}/api/videos" method="post"
              enctype="multipart/form-data">
            <label>Video file <input type="file" name="file" accept="video/*" required></label>
            <label>Title <input type="text" name="title" maxlength="500" placeholder="defaults to the file name"></label>
            <button type="submit">Upload</button>
            <progress id="upload-progress" max="100" value="0" hidden></progress>
            <p id="upload-message" role="status"></p>
        </form>
    </section>

    <section class="library">
        <h2>Videos</h2>
        <c:choose>
            <c:when test="${empty libraryPage.videos}">
                <p class="empty">No videos yet.</p>
            </c:when>
            <c:otherwise>
                <table id="videos" data-pending="${libraryPage.anyPending}">
                    <thead><tr><th></th><th>Title</th><th>Status</th><th>Duration</th><th>Size</th><th></th></tr></thead>
                    <tbody>
                    <c:forEach var="video" items="${libraryPage.videos}">
                        <tr data-id="${video.id()}" data-status="${video.status()}">
                            <td class="poster">
                                <c:if test="${not empty video.posterUrl()}">
                                    <img src="${video.posterUrl()}" alt="" width="128">
                                </c:if>
                            </td>
                            <td><c:out value="${video.title()}"/></td>
                            <td class="status status-${video.status()}">
                                <c:out value="${video.status()}"/>
                                <c:if test="${video.status() == 'PROCESSING'}"> ${video.progress()}%</c:if>
                                <c:if test="${not empty video.error()}">
                                    <div class="error"><c:out value="${video.error()}"/></div>
                                </c:if>
                            </td>
                            <td><c:if test="${not empty video.durationSeconds()}">
                                <fmt:formatNumber value="${video.durationSeconds()}" maxFractionDigits="1"/> s</c:if></td>
                            <td><fmt:formatNumber value="${video.sizeBytes() / 1048576}" maxFractionDigits="1"/> MiB</td>
                            <td><c:if test="${not empty video.mp4Url()}"><a href="${video.mp4Url()}">MP4</a></c:if></td>
                        </tr>
                    </c:forEach>
                    </tbody>
                </table>
            </c:otherwise>
        </c:choose>
    </section>
</main>
<script src="${pageContext.request.contextPath}/static/upload.js"></script>
</body>
</html>
