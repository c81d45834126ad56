package org.relay.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What Relay accepts as an administrator password and as the email-link signing secret. */
public final class StrongSecrets {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MIN_LINK_SECRET_LENGTH = 32;
    private static final List<String> GUESSABLE = List.of("password", "passwort", "changeme", "change-me", "admin",
            "relay", "camunda", "demo", "secret", "welcome", "letmein", "qwerty", "123456", "abcdef");

    private StrongSecrets() {
    }

    /** Why the password is too weak; empty when it is acceptable. */
    public static List<String> passwordProblems(String userId, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isBlank()) {
            problems.add("is missing");
            return problems;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add("is shorter than " + MIN_PASSWORD_LENGTH + " characters");
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3) {
            problems.add("uses fewer than three of: lower case, upper case, digits, symbols");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (userId != null && !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT))) {
            problems.add("contains the user id");
        }
        GUESSABLE.stream().filter(lower::contains).findFirst()
                .ifPresent(word -> problems.add("contains the guessable word \"" + word + "\""));
        return problems;
    }

    /** Why the link-signing secret is unfit; empty when it is acceptable. */
    public static List<String> linkSecretProblems(String secret) {
        if (secret == null || secret.isBlank()) {
            return List.of("is missing");
        }
        List<String> problems = new ArrayList<>();
        if (secret.length() < MIN_LINK_SECRET_LENGTH) {
            problems.add("is shorter than " + MIN_LINK_SECRET_LENGTH + " characters");
        }
        if (secret.toLowerCase(Locale.ROOT).contains("demo") || secret.chars().distinct().count() < 10) {
            problems.add("is the demo secret or has too little variety");
        }
        return problems;
    }
}
