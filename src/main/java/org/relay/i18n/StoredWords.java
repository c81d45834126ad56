package org.relay.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * A feature's own stored form of words that is not a {@link StoredSentence} (the lead score's factor codes): worded in
 * the reader's language when it recognises the text, empty otherwise.
 */
public interface StoredWords {

    Optional<String> word(String stored, Locale language);
}
