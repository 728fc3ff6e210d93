package io.mediamill.interfaces.web;

import io.mediamill.infrastructure.metrics.ServiceMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /metrics}: this node's metrics in the Prometheus text format, at the path scrapers ask by default.
 * A servlet rather than a resource because the REST API lives under {@code /api}. Who may read it (operators,
 * or a scraper with the metrics token) is the access filter's decision, like every other.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    ServiceMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Rendered whole before anything is sent: a gauge that fails becomes a clean 500, not a cut-off answer.
        ByteArrayOutputStream text = new ByteArrayOutputStream(16 * 1024);
        metrics.writeTo(text);
        response.setContentType(metrics.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(text.size());
        text.writeTo(response.getOutputStream());
    }
}
