package org.relay.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The language journeys' one check: the page's visible text holds none of the English texts a language says
 * differently, each matched as whole words (so "Date" inside "Dates" is no hit). The journeys build their own lists
 * (Relay's bundles, Camunda's chrome, the catalog); reading those files is here.
 */
final class EnglishOnPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EnglishOnPage() {
    }

    /** Fails naming the English found on the page, with the page's text. */
    static void assertNone(WebDriver driver, Collection<String> english, Collection<String> leftOut, String where) {
        String page = driver.findElement(By.tagName("body")).getText();
        for (String text : leftOut.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            page = page.replace(text, " ");
        }
        String shown = page;
        List<String> found = english.stream().filter(text -> word(text).matcher(shown).find()).toList();
        Assertions.assertThat(found).as("English on %s:%n%s", where, shown).isEmpty();
    }

    /** {@code text} as a whole word or phrase: no letter right before or after it. */
    static Pattern word(String text) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(text) + "(?![\\p{L}])");
    }

    /** A bundle file from the classpath, read as UTF-8. */
    static Properties properties(String file) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A JSON file from the classpath (Camunda's and Relay's webapp locale files). */
    static JsonNode json(String file) {
        try (InputStream in = new ClassPathResource(file).getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
