package org.relay.i18n;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words what Relay stored as codes in the reader's language: a {@link StoredSentence} through the bundles (its
 * arguments worded first, so a sentence may hold another), a feature's {@link StoredWords}, and anything else —
 * English stored before, a person's own note — exactly as it was.
 */
@Component
public class StoredSentences {

    private final MessageSource messages;
    private final List<StoredWords> features;

    StoredSentences(MessageSource messages, List<StoredWords> features) {
        this.messages = messages;
        this.features = features;
    }

    public String word(String stored, Locale language) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        Optional<StoredSentence> sentence = StoredSentence.parse(stored);
        if (sentence.isPresent()) {
            Object[] arguments = sentence.get().arguments().stream().map(a -> argument(a, language)).toArray();
            // a key a later version dropped still shows its arguments rather than nothing
            return messages.getMessage(sentence.get().key(), arguments,
                    sentence.get().key() + " " + String.join(", ", sentence.get().arguments()), language);
        }
        for (StoredWords feature : features) {
            Optional<String> worded = feature.word(stored, language);
            if (worded.isPresent()) {
                return worded.get();
            }
        }
        return stored;
    }

    /**
     * An argument: a feature's words (score factors), or one of the sentences Relay nests in others (durations, the
     * score's model, who routing left out); any other text — a name, a note, a subject — exactly as it was, even if it
     * looks like a stored sentence (a customer cannot make their name read as one of Relay's sentences).
     */
    private String argument(String stored, Locale language) {
        Optional<StoredSentence> nested = StoredSentence.parse(stored);
        if (nested.isPresent() && !NESTABLE.stream().anyMatch(nested.get().key()::startsWith)) {
            return stored;
        }
        return word(stored, language);
    }

    /** The sentences Relay puts inside others (Durations, LeadScore, Router). */
    static final List<String> NESTABLE = List.of("duration.", "score.", "routing.reason.excluding");

    /**
     * A stored sentence's key with its arguments worded for the reader, for pages that tell a step their own way
     * (Cockpit's referral page); empty for anything else.
     */
    public Optional<StoredSentence> parts(String stored, Locale language) {
        return StoredSentence.parse(stored).map(sentence -> new StoredSentence(sentence.key(),
                sentence.arguments().stream().map(a -> argument(a, language)).toList()));
    }

    /** In the language of the current request (Accept-Language, the user's setting). */
    public String word(String stored) {
        return word(stored, LocaleContextHolder.getLocale());
    }
}
