package io.mediamill.interfaces.security;

import io.mediamill.infrastructure.persistence.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A page or servlet that fails because the database went away while it ran (a JSP reading the library, the media
 * servlet checking who may see a video) answers 503 with a readable message instead of the container's 500
 * and stack trace. The REST API maps its own exceptions (see the REST layer's exception mapper), and the
 * credentials check answers for itself ({@link AccessFilter}); this catches what is left.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseOutageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<DatabaseOutage> outage = DatabaseOutage.in(e);
            if (outage.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            OutageResponse.send(response, request.getMethod(),
                    request.getRequestURI().substring(request.getContextPath().length()), outage.get());
        }
    }
}
