package org.relay.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses a query or form parameter that carries U+0000 (PostgreSQL cannot store it) with a 400 naming the
 * parameter. Multipart bodies are left to the upload's own checks: parsing them here would turn a malformed upload
 * into an error outside Relay's handlers.
 */
@Component
class RequestParameterGuard extends OncePerRequestFilter {

    /** Camunda's webapps and REST API read their own form bodies (reading the parameters here would consume them). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (value.indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
                        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                        String field = parameter.getKey().replace("\0", "").replaceAll("[^A-Za-z0-9_.-]", "?");
                        response.getWriter().write("{\"type\":\"about:blank\",\"status\":400,\"title\":\"Invalid request\","
                                + "\"detail\":\"" + field + ": " + NoNulStrings.MESSAGE + "\",\"errors\":[{\"field\":\""
                                + field + "\",\"message\":\"" + NoNulStrings.MESSAGE + "\"}]}");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
