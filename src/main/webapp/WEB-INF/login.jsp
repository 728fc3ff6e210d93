<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Sign in · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<header><h1>Mediamill</h1></header>
<main class="sign-in">
    <h2>Sign in</h2>
    <c:if test="${signedOut}"><p class="notice" id="signed-out">You are signed out.</p></c:if>
    <c:if test="${not empty error}"><p class="error" id="sign-in-error" role="alert"><c:out value="${error}"/></p></c:if>
    <form method="post" action="${pageContext.request.contextPath}/login" id="sign-in">
        <input type="hidden" name="_csrf" value="<c:out value='${csrfToken}'/>">
        <input type="hidden" name="next" value="<c:out value='${next}'/>">
        <label>User name <input name="username" id="username" autocomplete="username" required autofocus></label>
        <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
    </form>
</main>
</body>
</html>
