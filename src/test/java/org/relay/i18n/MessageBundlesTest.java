package org.relay.i18n;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every text exists in every language: each bundle of src/main/resources/i18n has the same keys in en (no suffix),
 * fr and de; every key the templates and Relay's Java code name exists; and texts with arguments are valid
 * MessageFormat patterns (an apostrophe there is written '' or ’, or it swallows the rest of the sentence).
 */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java/org/relay");
    private static final List<String> LANGUAGES = List.of("fr", "de");

    /** #{key}, #{key(args)}, #{'prefix.' + …} and #messages.msg('key') in templates. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{'?([A-Za-z][A-Za-z0-9_.-]*)|#messages\\.msg\\('([^']+)'");
    /** Literal keys of the bundles' groups handed to Texts / MessageSource from Java. */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:webform|status|mail|actions|problem|format|language|public|standing|sent|referrerview|expired|forbidden|tasklink|sign-in|pages|score|activity|routing|timeline|duration)\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\"");

    @Test
    void every_key_exists_in_every_language_of_every_bundle() throws IOException {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String bundle : bundleNames()) {
            Set<String> english = load(bundle, null).stringPropertyNames();
            Assertions.assertThat(english).as(bundle + " has no texts").isNotNull();
            for (String language : LANGUAGES) {
                Set<String> other = load(bundle, language).stringPropertyNames();
                for (String key : union(english, other)) {
                    if (!english.contains(key) || !other.contains(key)) {
                        missing.computeIfAbsent(bundle + "_" + language, b -> new ArrayList<>())
                                .add(key + (english.contains(key) ? " (missing in " + language + ")" : " (missing in en)"));
                    }
                }
            }
        }
        Assertions.assertThat(missing).as("keys not in every language").isEmpty();
        Assertions.assertThat(bundleNames()).contains("messages", "catalog", "webapps", "rewards", "problems");
    }

    /** The bundles share one namespace (one MessageSource): a key in two of them would show only the first's text. */
    @Test
    void no_key_is_in_two_bundles() throws IOException {
        Map<String, String> owner = new TreeMap<>();
        List<String> twice = new ArrayList<>();
        for (String bundle : bundleNames()) {
            for (String key : load(bundle, null).stringPropertyNames()) {
                String first = owner.putIfAbsent(key, bundle);
                if (first != null) {
                    twice.add(key + " (" + first + ", " + bundle + ")");
                }
            }
        }
        Assertions.assertThat(twice).as("keys defined in two bundles").isEmpty();
    }

    @Test
    void every_key_the_templates_use_exists() throws IOException {
        Properties english = allEnglish();
        List<String> unknown = new ArrayList<>();
        int used = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    used++;
                    boolean known = key.endsWith(".")
                            ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : english.containsKey(key);
                    if (!known) {
                        unknown.add(TEMPLATES.relativize(file) + ": " + key);
                    }
                }
            }
        }
        Assertions.assertThat(unknown).as("#{…} keys missing from i18n/*.properties").isEmpty();
        Assertions.assertThat(used).as("templates read their texts from the bundles").isGreaterThan(200);
    }

    @Test
    void every_key_relays_java_code_names_exists() throws IOException {
        Properties english = allEnglish();
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))
                            && english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(m.group(1) + "."))) {
                        unknown.add(JAVA.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        Assertions.assertThat(unknown).as("keys named in Java but missing from the bundles").isEmpty();
    }

    @Test
    void texts_with_arguments_are_valid_message_formats() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String bundle : bundleNames()) {
            for (String language : Stream.concat(Stream.of((String) null), LANGUAGES.stream()).toList()) {
                Properties texts = load(bundle, language);
                for (String key : texts.stringPropertyNames()) {
                    String text = texts.getProperty(key);
                    if (!text.matches("(?s).*\\{\\d.*")) {
                        continue;
                    }
                    String where = bundle + (language == null ? "" : "_" + language) + ": " + key;
                    if (text.replace("''", "").contains("'")) {
                        broken.add(where + " (a lone ')");
                    }
                    try {
                        new MessageFormat(text, Locale.ENGLISH);
                    } catch (IllegalArgumentException e) {
                        broken.add(where + " (" + e.getMessage() + ")");
                    }
                }
            }
        }
        Assertions.assertThat(broken).as("texts with {0} arguments that MessageFormat cannot read (a lone ' must be '' or ’)").isEmpty();
    }

    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("[a-z-]+\\.properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    private static Properties load(String bundle, String language) throws IOException {
        Path file = BUNDLES.resolve(bundle + (language == null ? "" : "_" + language) + ".properties");
        Assertions.assertThat(file).as("bundle file").exists();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Properties allEnglish() throws IOException {
        Properties all = new Properties();
        for (String bundle : bundleNames()) {
            all.putAll(load(bundle, null));
        }
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
