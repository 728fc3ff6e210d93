<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Users · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main class="users">
    <h2>Users</h2>
    <p class="error" id="users-error" role="alert" hidden></p>
    <table id="users">
        <thead><tr><th>User</th><th>Uploader</th><th>Operator</th><th>Disabled</th><th>New password</th><th></th></tr></thead>
        <tbody></tbody>
    </table>
    <h3>Add a user</h3>
    <form id="new-user">
        <label>User name <input name="username" required pattern="[A-Za-z0-9][A-Za-z0-9._-]{1,63}"></label>
        <label>Password <input name="password" type="password" required minlength="10" autocomplete="new-password"></label>
        <label><input type="checkbox" name="uploader" checked> uploader</label>
        <label><input type="checkbox" name="operator"> operator</label>
        <button type="submit">Add</button>
    </form>
</main>
<template id="user-row">
    <tr>
        <td class="name"></td>
        <td><input type="checkbox" class="role" value="uploader"></td>
        <td><input type="checkbox" class="role" value="operator"></td>
        <td><input type="checkbox" class="disabled"></td>
        <td><input type="password" class="password" autocomplete="new-password" placeholder="unchanged"></td>
        <td><button type="button" class="save">Save</button> <button type="button" class="delete">Delete</button></td>
    </tr>
</template>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/users.js"></script>
</body>
</html>
