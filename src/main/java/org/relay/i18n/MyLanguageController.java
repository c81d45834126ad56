package org.relay.i18n;

import org.relay.common.InvalidRequestException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * {@code /api/me/language}: each colleague reads and sets their own language (nobody sets another's). It decides
 * Relay's pages for them and the mails Relay sends them; null clears it (then the browser's language on pages, the
 * configured default in mails).
 */
@RestController
class MyLanguageController {

    /** The body of a PUT: a supported language tag, or null. */
    record LanguageInput(String language) {
    }

    /**
     * @param language  the colleague's own choice; null when they made none
     * @param effective what Relay's mails to them are written in
     * @param supported the choices there are
     */
    record LanguageView(String language, String effective, List<String> supported) {
    }

    private final UserLanguages userLanguages;
    private final Languages languages;

    MyLanguageController(UserLanguages userLanguages, Languages languages) {
        this.userLanguages = userLanguages;
        this.languages = languages;
    }

    @GetMapping("/api/me/language")
    LanguageView mine(Authentication caller) {
        return view(caller.getName());
    }

    @PutMapping("/api/me/language")
    LanguageView choose(Authentication caller, @RequestBody LanguageInput input) {
        String asked = input == null ? null : input.language();
        if (asked == null || asked.isBlank()) {
            userLanguages.choose(caller.getName(), null);
        } else {
            // a bare supported tag only: "fr", not "fr-CA" or "french" (the stored value is what mails are written in)
            Optional<java.util.Locale> supported = languages.supported(asked)
                    .filter(l -> l.getLanguage().equals(asked.trim()));
            if (supported.isEmpty()) {
                throw InvalidRequestException.of("language", "problem.language.one-of",
                        String.join(", ", languages.supportedTags()));
            }
            userLanguages.choose(caller.getName(), supported.get());
        }
        return view(caller.getName());
    }

    private LanguageView view(String userId) {
        return new LanguageView(userLanguages.chosen(userId).map(java.util.Locale::getLanguage).orElse(null),
                userLanguages.of(userId).getLanguage(), languages.supportedTags());
    }
}
