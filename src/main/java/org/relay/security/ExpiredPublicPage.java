package org.relay.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.Locale;

/**
 * A public page's form refused (no valid CSRF token: the page sat open past the session, or the cookie was
 * lost): a plain 403 page for the customer who sent it, with a link back to a fresh form, the partner link's
 * {@code ref} kept. Relay's API keeps answering problem JSON.
 */
class ExpiredPublicPage implements AccessDeniedHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;

    /** Refused before Spring MVC runs: the page's language from the same resolver as every page (i18n). */
    ExpiredPublicPage(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException {
        String statusToken = statusPageToken(request);
        String back = statusToken != null
                ? UriComponentsBuilder.fromPath(request.getContextPath() + "/public/status/" + statusToken).build().toUriString()
                : UriComponentsBuilder.fromPath(request.getContextPath() + "/public/lead")
                .queryParamIfPresent("ref", java.util.Optional.ofNullable(partnerRef(request)))
                .encode().build().toUriString();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Locale language = locales.resolveLocale(request);
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(language.getLanguage())
                + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + text("expired.title", language)
                + "</title><style>body { font-family: Arial, sans-serif; max-width: 34rem; margin: 1.5rem auto; padding: 0 1rem;"
                + " color: #222; }</style></head><body><main><h1>" + text("expired.title", language) + "</h1>"
                + "<p>" + text("expired.text", language) + "</p>"
                + "<p><a href=\"" + HtmlUtils.htmlEscape(back) + "\">"
                + text(statusToken != null ? "expired.back-to-request" : "expired.back-to-form", language)
                + "</a></p></main></body></html>");
    }

    private String text(String key, Locale language) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, language));
    }

    /** The customer's status page a form was sent from (/public/status/{token}/...), if the token looks like one. */
    private static String statusPageToken(HttpServletRequest request) {
        var matcher = java.util.regex.Pattern.compile("/public/status/([A-Za-z0-9_-]{43})(/.*)?")
                .matcher(request.getRequestURI().substring(request.getContextPath().length()));
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** The advocate code the form carried, if it looks like one (it goes back into a link). */
    private static String partnerRef(HttpServletRequest request) {
        String ref = request.getParameter("ref");
        return ref != null && ref.matches("[A-Za-z0-9-]{1,40}") ? ref : null;
    }
}
