<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- The batch console (operators; the access filter turns others away). Served at /console; its script fills it
     from the jobs API's event stream and keeps it current without reloads. --%>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Console · Mediamill</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/static/mediamill.css">
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main class="console">
    <h2>Batch console</h2>
    <p class="error" id="console-error" role="alert" hidden></p>
    <p class="notice" id="console-notice" role="status" hidden></p>
    <noscript><p class="error">The console needs JavaScript; the same data is at /api/jobs.</p></noscript>

    <section class="queue-overview">
        <h3>Queue</h3>
        <dl id="queue-depth" class="depth">
            <div><dt>Due</dt><dd data-field="due">–</dd></div>
            <div><dt>Waiting for retry</dt><dd data-field="waitingForRetry">–</dd></div>
            <div><dt>Running</dt><dd data-field="running">–</dd></div>
            <div><dt>Failed videos</dt><dd data-field="failedVideos">–</dd></div>
        </dl>
        <table id="nodes">
            <caption>Nodes (this page is served by <span id="this-node">…</span>)</caption>
            <thead><tr><th>Node</th><th>Alive</th><th>Last heartbeat</th><th>Workers</th><th>Running tasks</th><th>Processing</th><th>Sync from this node</th><th>Started</th></tr></thead>
            <tbody></tbody>
        </table>
    </section>

    <section class="jobs">
        <h3>Job executions</h3>
        <form id="job-filter" class="filter">
            <label>Status
                <select name="status" id="status-filter">
                    <option value="">all</option>
                    <option>STARTED</option>
                    <option>COMPLETED</option>
                    <option>FAILED</option>
                    <option>STOPPED</option>
                    <option>ABANDONED</option>
                </select>
            </label>
            <span id="live" class="live" aria-live="polite">connecting…</span>
        </form>
        <div class="table-scroll">
            <table id="jobs">
                <thead><tr><th>Execution</th><th>Video</th><th>Attempt</th><th>Batch status</th><th>Exit status</th>
                    <th>Current step</th><th>Progress</th><th>Node</th><th>Started</th><th>Ended</th><th>Duration</th>
                    <th>Error</th><th></th></tr></thead>
                <tbody></tbody>
            </table>
        </div>
        <p class="pager">
            <button type="button" id="newer" disabled>Newer</button>
            <span id="page-info"></span>
            <button type="button" id="older" disabled>Older</button>
        </p>
        <p class="hint">Click a row to see every attempt at its video.</p>
    </section>

    <section id="attempts-panel" class="attempts" hidden>
        <h3>Attempts at <span id="attempts-title"></span></h3>
        <table id="attempts">
            <thead><tr><th>Attempt</th><th>Execution</th><th>Node</th><th>Status</th><th>Started</th><th>Ended</th>
                <th>Failed step</th><th>Error</th></tr></thead>
            <tbody></tbody>
        </table>
    </section>
</main>
<script src="${pageContext.request.contextPath}/static/session.js"></script>
<script src="${pageContext.request.contextPath}/static/console.js"></script>
</body>
</html>
