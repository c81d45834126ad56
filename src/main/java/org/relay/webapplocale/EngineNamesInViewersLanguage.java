package org.relay.webapplocale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Task, process and filter names in the viewer's language, on the webapps' engine API only (Tasklist and Cockpit,
 * {@code /camunda/api/engine/…}): the engine and {@code /engine-rest} keep one stable English name, and Relay, which
 * already sits between the webapps and the engine, translates the answers that carry names — in the language the
 * webapp chose (the browser's first language, as Camunda's webapps take it). English answers pass untouched.
 */
@Configuration
class EngineNamesInViewersLanguage {

    /** The engine answers with task, activity, process or filter names (lists, single items, filter executions). */
    private static final Pattern NAMED = Pattern.compile("/engine/[^/]+/(task|filter|process-definition|history/task"
            + "|history/activity-instance|history/process-instance|process-instance/[^/]+/activity-instances)"
            + "(/[^/]+)?(/list|/singleResult)?");

    private static final Logger log = LoggerFactory.getLogger(EngineNamesInViewersLanguage.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineNamesTranslation(EngineNameTranslations translations) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Translating(translations));
        registration.addUrlPatterns("/camunda/api/engine/*");
        registration.setName("relay-engine-names-in-viewers-language");
        return registration;
    }

    private static final class Translating extends OncePerRequestFilter {

        private final EngineNameTranslations translations;

        Translating(EngineNameTranslations translations) {
            this.translations = translations;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String method = request.getMethod();
            return !("GET".equals(method) || "POST".equals(method))
                    || WebappLanguage.FALLBACK.equals(language(request).getLanguage())
                    || !NAMED.matcher(path.substring("/camunda/api/engine".length())).matches();
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var buffered = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, buffered);
            String type = buffered.getContentType();
            if (buffered.getStatus() == HttpServletResponse.SC_OK && type != null && type.contains("json")) {
                byte[] answer = buffered.getContentAsByteArray();
                try {
                    byte[] translated = translations.translate(answer, language(request));
                    buffered.resetBuffer();
                    buffered.getOutputStream().write(translated);
                } catch (IOException | RuntimeException e) {
                    log.warn("Names in {} left untranslated: {}", request.getRequestURI(), e.toString());
                }
            }
            buffered.copyBodyToResponse();
        }

        private static Locale language(HttpServletRequest request) {
            return WebappLanguage.ofAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
    }
}
