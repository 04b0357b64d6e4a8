package io.mobim.platform.wv;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST <mobim.wv.path>} in Tomcat's own pipeline, ahead of the servlet filters and Spring's dispatcher:
 * the CSP session in the body is the only credential there is (see {@link io.mobim.platform.wv.session.WvSessions}),
 * so HTTP authentication, CSRF, security headers, request observations and handler mapping have nothing to do for
 * it, and together they cost several times what answering an empty poll does. Every other request, another method on
 * the same path included, goes on down the pipeline (the path's security chain permits it; nothing else serves it).
 * The valve is installed only where role {@code im} runs, which owns the route.
 */
final class CspValve extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(CspValve.class);

    private final String path;
    private final Supplier<WvEndpoint> endpoint;
    private volatile WvEndpoint resolved;

    /** {@code endpoint} is looked up at the first request: the web server is created before the application's beans. */
    CspValve(String path, Supplier<WvEndpoint> endpoint) {
        super(true);
        this.path = path;
        this.endpoint = endpoint;
    }

    /** Whether the request is for the CSP path, under the application's context path. */
    private boolean isPath(Request request) {
        String uri = request.getDecodedRequestURI();
        String context = request.getContextPath();
        return uri != null && uri.length() == context.length() + path.length() && uri.startsWith(context) && uri.endsWith(path);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || !isPath(request)) {
            getNext().invoke(request, response);
            return;
        }
        WvEndpoint e = resolved;
        if (e == null) {
            e = endpoint.get();
            resolved = e;
        }
        try {
            e.handle(request, response);
        } catch (RuntimeException failure) {
            log.error("CSP request failed", failure);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }
}
