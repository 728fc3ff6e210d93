<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="fmt" uri="jakarta.tags.fmt" %>
<%-- The videos are read before anything is written, so a database that cannot be reached makes this a 503. --%>
<c:if test="${libraryPage.unavailable}">${pageContext.response.setStatus(503)}${pageContext.response.setHeader('Retry-After', libraryPage.retryAfterSeconds)}</c:if>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Library · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
    <h2>My videos</h2>
    <c:choose>
        <c:when test="${libraryPage.unavailable}">
            <p class="error" role="alert"><c:out value="${libraryPage.unavailableMessage}"/></p>
        </c:when>
        <c:when test="${empty libraryPage.videos}">
            <p class="empty">No videos yet. <a href="${pageContext.request.contextPath}/">Upload one.</a></p>
        </c:when>
        <c:otherwise>
            <table id="videos" data-pending="${libraryPage.anyPending}">
                <thead><tr><th></th><th>Title</th><th>Duration</th><th>Status</th><th></th></tr></thead>
                <tbody>
                <c:forEach var="video" items="${libraryPage.videos}">
                    <tr data-id="${video.id()}" data-status="${video.status()}">
                        <td class="poster">
                            <c:if test="${not empty video.posterUrl()}"><img src="${video.posterUrl()}" alt="" width="160"></c:if>
                        </td>
                        <td><a href="${pageContext.request.contextPath}/watch.jsp?id=${video.id()}"><c:out value="${video.title()}"/></a></td>
                        <td><c:if test="${not empty video.durationSeconds()}">
                            <fmt:formatNumber value="${video.durationSeconds()}" maxFractionDigits="1"/> s</c:if></td>
                        <td class="status status-${video.status()}">
                            <c:out value="${video.status()}"/>
                            <c:if test="${video.status() == 'PROCESSING'}"> ${video.progress()}%</c:if>
                            <c:if test="${not empty video.error()}"><div class="error"><c:out value="${video.error()}"/></div></c:if>
                        </td>
                        <td><button type="button" class="delete">Delete</button></td>
                    </tr>
                </c:forEach>
                </tbody>
            </table>
        </c:otherwise>
    </c:choose>
</main>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/library.js"></script>
</body>
</html>
