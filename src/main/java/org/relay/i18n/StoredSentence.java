package org.relay.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A sentence Relay keeps (a routing reason, a timeline entry) as its message key and arguments rather than as English
 * words, so each reader gets it in their own language: {@code i18n:routing.reason.rule-named|Home lending|Bob Smith}.
 * Arguments are kept as text; one may itself be a stored sentence or another {@link StoredWords} form. Text without
 * the prefix (everything stored before) is shown as it was.
 */
public record StoredSentence(String key, List<String> arguments) {

    static final String PREFIX = "i18n:";
    private static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    /** The stored form; null arguments are kept as empty text. */
    public static String of(String key, Object... arguments) {
        StringBuilder stored = new StringBuilder(PREFIX).append(key);
        for (Object argument : arguments) {
            stored.append(SEPARATOR);
            String text = argument == null ? "" : argument.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == SEPARATOR || c == ESCAPE) {
                    stored.append(ESCAPE);
                }
                stored.append(c);
            }
        }
        return stored.toString();
    }

    /**
     * A person's own text (a note, a subject, a customer's message) as it is to be stored beside Relay's sentences:
     * unchanged, unless it starts like one — then an invisible word joiner goes first, so nobody can make a line of
     * theirs read as a sentence of Relay's (a routing reason, an escalation) on the timeline.
     */
    public static String asWritten(String text) {
        return text != null && text.startsWith(PREFIX) ? "\u2060" + text : text;
    }

    /** The key and arguments of a stored sentence; empty for anything else (English stored before, a person's note). */
    public static Optional<StoredSentence> parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = PREFIX.length(); i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == ESCAPE && i + 1 < stored.length()) {
                part.append(stored.charAt(++i));
            } else if (c == SEPARATOR) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        String key = parts.get(0);
        if (key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new StoredSentence(key, List.copyOf(parts.subList(1, parts.size()))));
    }
}
