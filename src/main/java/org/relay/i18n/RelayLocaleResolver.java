package org.relay.i18n;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;
import java.util.Optional;

/**
 * The one place a web request's language is decided (Spring MVC's {@code localeResolver}: Thymeleaf's #{…}, problem
 * responses and label endpoints read it), first that applies:
 * <ol>
 *   <li>what the handler fixed for this request ({@link #use}): e.g. the customer's status page in the language of
 *       their request, a one-click action page in the language of its mail;</li>
 *   <li>a {@code ?lang=} the visitor chose on a public page, then remembered in the {@value #COOKIE} cookie
 *       (scoped to {@code /public});</li>
 *   <li>the signed-in colleague's own setting ({@link UserLanguages});</li>
 *   <li>the browser's Accept-Language, among the supported languages;</li>
 *   <li>the configured default.</li>
 * </ol>
 */
@Component("localeResolver")
public class RelayLocaleResolver implements LocaleResolver {

    public static final String COOKIE = "relay_lang";
    private static final String FIXED = RelayLocaleResolver.class.getName() + ".fixed";

    private final Languages languages;
    private final UserLanguages userLanguages;

    RelayLocaleResolver(Languages languages, UserLanguages userLanguages) {
        this.languages = languages;
        this.userLanguages = userLanguages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(FIXED) instanceof Locale fixed) {
            return fixed;
        }
        return chosenOnPage(request)
                .or(() -> signedInUser().flatMap(userLanguages::chosen))
                .or(() -> languages.fromAcceptLanguage(request.getHeader("Accept-Language")))
                .orElseGet(languages::defaultLocale);
    }

    /** Spring's LocaleChangeInterceptor: the visitor picked a language on a public page; remembered for its pages. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Locale> supported = locale == null ? Optional.empty() : languages.supported(locale.toLanguageTag());
        if (supported.isEmpty()) {
            return;
        }
        request.setAttribute(FIXED, supported.get());
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, supported.get().getLanguage());
            cookie.setPath("/public");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    /** Fixes the language of this one request (nothing remembered), unless the visitor chose one on the page. */
    public void use(HttpServletRequest request, Locale locale) {
        if (request.getAttribute(FIXED) == null && chosenOnPage(request).isEmpty()) {
            request.setAttribute(FIXED, locale);
        }
    }

    private Optional<Locale> chosenOnPage(HttpServletRequest request) {
        Optional<Locale> asked = languages.supported(request.getParameter("lang"));
        if (asked.isPresent() || request.getCookies() == null) {
            return asked;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return languages.supported(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken
                ? Optional.empty() : Optional.ofNullable(authentication.getName());
    }
}
