package org.relay.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Locale;

/**
 * The words of a refusal ({@link FieldProblem#of}, {@code NotFoundException.of}, …) in the language of the request
 * that is refused, from i18n/problems*.properties. Worded when the refusal is made, because refusals are made deep
 * inside features, task listeners and the engine's REST API, where nothing else knows the request; the same resolver
 * as for every page decides (the colleague's setting, else Accept-Language, else the default). Outside a request
 * (an import batch job, a timer) the configured default language.
 */
@Component
public class ProblemTexts {

    /** Until Spring starts (and in plain unit tests): the bundle alone, in English. */
    private static volatile MessageSource messages = problemsBundle();
    private static volatile LocaleResolver resolver;
    private static volatile Locale defaultLanguage = Locale.ENGLISH;

    ProblemTexts(MessageSource messageSource, LocaleResolver localeResolver,
                 @Value("${relay.i18n.default-language:en}") String defaultLanguageTag) {
        messages = messageSource;
        resolver = localeResolver;
        defaultLanguage = Locale.forLanguageTag(defaultLanguageTag);
    }

    /** The text of {@code key} with its arguments ({0}, {1}, …) in the current request's language. */
    public static String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, language());
    }

    private static Locale language() {
        LocaleResolver current = resolver;
        if (current != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web) {
            HttpServletRequest request = web.getRequest();
            return current.resolveLocale(request);
        }
        return defaultLanguage;
    }

    private static MessageSource problemsBundle() {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/problems");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return bundle;
    }
}
