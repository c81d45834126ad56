package org.relay.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** The bundles' texts for Java code (mail subjects, reasons, sentences): Spring's MessageSource by key. */
@Component
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale language, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, language);
    }

    /** In the language of the current web request (RelayLocaleResolver). */
    public String get(String key, Object... args) {
        return get(key, LocaleContextHolder.getLocale(), args);
    }
}
