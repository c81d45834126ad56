package org.relay.rewards;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The rewards bundle's texts in the caller's language ({@code Accept-Language}), for the Approve reward form in
 * Tasklist and the dashboard card: the keys are read from the English file, every value through the MessageSource.
 */
@RestController
@Component
class RewardTexts {

    private final MessageSource messages;

    RewardTexts(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/api/rewards/texts")
    Map<String, String> texts() {
        Locale locale = LocaleContextHolder.getLocale();
        ResourceBundle english = ResourceBundle.getBundle("i18n/rewards", Locale.ROOT);
        Map<String, String> texts = new TreeMap<>();
        for (String key : english.keySet()) {
            if (!key.startsWith("rewards.mail.")) {
                texts.put(key, messages.getMessage(key, null, english.getString(key), locale));
            }
        }
        return texts;
    }
}
