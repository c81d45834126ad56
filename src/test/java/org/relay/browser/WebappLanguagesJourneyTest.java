package org.relay.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.webapplocale.WebappLocaleFiles;
import org.relay.webform.WebFormRateLimits;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The webapps in the browser's language: a French advisor refers a French-speaking customer from Tasklist, the French
 * recipient accepts it, and a customer sends the public form — with no English on the way: none of Relay's texts
 * (forms, the score's factors, the routing reason, the timeline, the public pages), and none of Camunda's once the
 * French chrome (webapp-locales/tasklist/fr.json) is in; and Tasklist with Relay's forms in German.
 */
class WebappLanguagesJourneyTest extends BrowserJourney {

    @Autowired
    ReferralRepository referrals;

    @Autowired
    TestRestTemplate rest;

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    ApplicationContext context;

    @Test
    void in_french_an_advisor_refers_a_customer_the_recipient_accepts_it_and_a_customer_writes_in_without_english_on_the_way() throws Exception {
        speak("fr-FR,fr");
        EnglishCheck english = englishTheLanguageDoesNotSay("fr");

        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]"), 30));
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='Nouvelle recommandation']"), 20));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 20);
        browser.waitUpTo(20).until(d -> new Select(d.findElement(By.id("expressedInterest"))).getOptions().size() > 1);
        Assertions.assertThat(form.getText()).contains("Votre client a besoin", "Besoin exprimé", "Comment le besoin est apparu");
        form.findElement(By.id("customerName")).sendKeys("Zoé Parc");
        form.findElement(By.id("customerEmail")).sendKeys("zoe.parc@mail.example");
        new Select(form.findElement(By.id("recordType"))).selectByValue("string:PERSON_REFERRAL");
        new Select(form.findElement(By.id("expressedInterest"))).selectByValue("string:MORTGAGE");
        form.findElement(By.id("interestAmount")).sendKeys("320000");
        Assertions.assertThat(form.getText()).contains("Langue du client");
        new Select(form.findElement(By.id("customerLanguage"))).selectByVisibleText("français");
        assertNoEnglish(english, "the New referral form");
        browser.screenshot("webapps-fr-new-referral");
        browser.click(browser.driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));

        // Relay's panel says where it went, in French
        browser.waitUpTo(30).until(d -> "done".equals(d.findElement(By.id("relay-confirmation")).getAttribute("data-relay-state")));
        Assertions.assertThat(browser.driver.findElement(By.id("relay-confirmation")).getText())
                .contains("Recommandation envoyée").contains("Mes recommandations envoyées");
        assertNoEnglish(english, "the confirmation after Start");
        browser.screenshot("webapps-fr-referral-sent");

        Referral zoe = referrals.findAll().get(0);
        Assertions.assertThat(zoe.getCustomerLanguage()).as("the language the advisor chose").isEqualTo("fr");
        browser.logIn(url("/camunda/app/tasklist/"), zoe.getOwnerId());
        WebElement card = browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Zoé Parc')]"), 30);
        Assertions.assertThat(card.getText()).contains("Examiner la recommandation");
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Mes recommandations");
        browser.click(card.findElement(By.cssSelector("a")));
        browser.visible(By.xpath("//legend[contains(., 'Votre décision')]"), 30);
        browser.visible(By.cssSelector(".relay-details"), 20);
        // the score's factors and why it came to her, worded in French from what Relay keeps as codes
        browser.waitUpTo(20).until(d -> d.findElement(By.cssSelector(".relay-details")).getText().contains("Règle d’attribution"));
        Assertions.assertThat(browser.driver.findElement(By.cssSelector(".relay-details")).getText())
                .contains("recommandé par un tiers +10").contains("avait le moins de recommandations en cours");
        browser.click(browser.driver.findElement(By.cssSelector("input[name=decision][value=accept]")));
        assertNoEnglish(english, "the Review referral form");
        browser.screenshot("webapps-fr-review-referral");
        browser.click(browser.driver.findElement(By.cssSelector("button[ng-click='complete()']")));

        browser.waitUpTo(30).until(d -> d.findElement(By.id("relay-confirmation")).getText().contains("Acceptée"));
        assertNoEnglish(english, "the confirmation after Complete");
        browser.waitUpTo(30).until(d -> "ACCEPTED".equals(referrals.findById(zoe.getId()).orElseThrow().getStatus().name()));

        // a customer whose browser speaks French sends the bank's public form: French without choosing it
        WebFormRateLimits.reset(context);
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/public/lead"));
        browser.visible(By.xpath("//label[contains(., 'Votre nom')]"), 20);
        Assertions.assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertNoEnglish(english, "the public form");
        browser.driver.findElement(By.id("name")).sendKeys("Hugo Martin");
        browser.driver.findElement(By.id("email")).sendKeys("hugo.martin@mail.example");
        new Select(browser.driver.findElement(By.id("product"))).selectByVisibleText("Prêt immobilier");
        browser.driver.findElement(By.id("amount")).sendKeys("250 000");
        browser.click(browser.driver.findElement(By.id("consent")));
        browser.screenshot("webapps-fr-public-form");
        browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Envoyer']")));
        browser.visible(By.xpath("//h1[normalize-space(.)='Merci']"), 20);
        assertNoEnglish(english, "the thank-you page");
        browser.screenshot("webapps-fr-public-thanks");
        Assertions.assertThat(referrals.findAll()).anySatisfy(hugo -> {
            Assertions.assertThat(hugo.getCustomer().getName()).isEqualTo("Hugo Martin");
            Assertions.assertThat(hugo.getCustomerLanguage()).isEqualTo("fr");
        });
    }

    @Test
    void in_german_tasklist_shows_relays_forms_without_english() throws Exception {
        speak("de-DE,de");
        EnglishCheck english = englishTheLanguageDoesNotSay("de");

        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]"), 30));
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='Neue Empfehlung']"), 20));
        browser.visible(By.cssSelector("form.relay-form"), 20);
        browser.waitUpTo(20).until(d -> new Select(d.findElement(By.id("expressedInterest"))).getOptions().size() > 1);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("form.relay-form")).getText())
                .contains("Geäußerter Bedarf", "Wie der Bedarf entstand");
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .contains("Prozess starten", "Meine gesendeten Empfehlungen");
        assertNoEnglish(english, "Tasklist with the New referral form in German");
        browser.screenshot("webapps-de-new-referral");
    }

    /** The browser's languages, as Chromium started with --lang sends and reports them (Accept-Language, navigator). */
    private void speak(String languages) {
        browser.driver.get(url("/camunda/app/welcome/"));   // a page of Relay's origin, so its storage can be cleared
        browser.driver.executeScript("window.localStorage.clear()");
        String agent = (String) browser.driver.executeScript("return navigator.userAgent");
        browser.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", languages));
        browser.driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", languages.split(",")[0]));
    }

    /**
     * English texts the page must not show in the language: Relay's (i18n/webapps) and Camunda's Tasklist chrome whose
     * English differs from the translation — Camunda's only where the language's chrome file is there (French arrives
     * in webapp-locales/; German is Camunda's own). Words of four letters or more, so "to" and "by" do not match inside
     * names.
     */
    private EnglishCheck englishTheLanguageDoesNotSay(String language) throws Exception {
        List<String> english = new ArrayList<>();
        List<String> notYetTranslated = new ArrayList<>();
        Properties en = EnglishOnPage.properties("i18n/webapps.properties");
        Properties translated = EnglishOnPage.properties("i18n/webapps_" + language + ".properties");
        for (String key : en.stringPropertyNames()) {
            String value = en.getProperty(key);
            if (!value.equals(translated.getProperty(key)) && !value.contains("{") && value.length() >= 4) {
                english.add(value);
            }
        }
        if (new ClassPathResource(WebappLocaleFiles.chromeSource("tasklist", language)).exists()) {
            JsonNode camundaEn = EnglishOnPage.json(WebappLocaleFiles.chromeSource("tasklist", "en")).get("labels");
            JsonNode camundaTranslated = EnglishOnPage.json(WebappLocaleFiles.chromeSource("tasklist", language)).get("labels");
            for (Iterator<Map.Entry<String, JsonNode>> labels = camundaEn.fields(); labels.hasNext(); ) {
                Map.Entry<String, JsonNode> label = labels.next();
                String value = label.getValue().asText();
                if (!value.equals(camundaTranslated.path(label.getKey()).asText()) && !value.contains("{")
                        && value.length() >= 4) {
                    english.add(value);
                }
            }
        } else {
            System.out.println("No " + WebappLocaleFiles.chromeSource("tasklist", language)
                    + ": Camunda's chrome is not checked for English in this build");
            EnglishOnPage.json(WebappLocaleFiles.chromeSource("tasklist", "en")).get("labels").forEach(label -> notYetTranslated.add(label.asText()));
        }
        // the catalog's labels come from Relay's API, which answers in Accept-Language where the catalog bundle has them
        List<String> catalogEnglish = catalogLabels("en");
        if (catalogEnglish.equals(catalogLabels(language))) {
            System.out.println("Relay's catalog answers in English only: its labels are not checked in this build");
            notYetTranslated.addAll(catalogEnglish);
        } else {
            List<String> catalogTranslated = catalogLabels(language);
            catalogEnglish.stream().filter(label -> !catalogTranslated.contains(label) && label.length() >= 4).forEach(english::add);
        }
        // Relay's own sentences (the score's factors, routing reasons, the timeline, public pages, mails): whole texts,
        // and of texts with arguments the literal pieces of twelve letters or more between them
        Properties messages = EnglishOnPage.properties("i18n/messages.properties");
        Properties messagesTranslated = EnglishOnPage.properties("i18n/messages_" + language + ".properties");
        for (String key : messages.stringPropertyNames()) {
            String value = messages.getProperty(key);
            if (key.startsWith("format.") || value.equals(messagesTranslated.getProperty(key))) {
                continue;
            }
            for (String piece : value.split("\\{[^}]*}")) {
                String literal = piece.replace("''", "'").strip();
                if (literal.length() >= 12 || (literal.length() >= 4 && piece.equals(value))) {
                    english.add(literal);
                }
            }
        }
        // a word both languages write ("Comment", "Type") is no sign of English
        StringBuilder ownWords = new StringBuilder();
        translated.stringPropertyNames().forEach(key -> ownWords.append(translated.getProperty(key)).append('\n'));
        messagesTranslated.stringPropertyNames().forEach(key -> ownWords.append(messagesTranslated.getProperty(key)).append('\n'));
        if (new ClassPathResource(WebappLocaleFiles.chromeSource("tasklist", language)).exists()) {
            EnglishOnPage.json(WebappLocaleFiles.chromeSource("tasklist", language)).get("labels").forEach(l -> ownWords.append(l.asText()).append('\n'));
        }
        english.removeIf(text -> EnglishOnPage.word(text).matcher(ownWords).find());
        return new EnglishCheck(english, notYetTranslated);
    }

    /** English that must not show, and texts others translate that this build does not have yet (left out of the check). */
    private record EnglishCheck(List<String> forbidden, List<String> notYetTranslated) {
    }

    private List<String> catalogLabels(String language) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("ryan", "ryan");
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        JsonNode catalog = json.readTree(rest.exchange("/api/catalog", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody());
        List<String> labels = new ArrayList<>();
        catalog.forEach(list -> list.forEach(entry -> {
            if (entry.hasNonNull("label")) {
                labels.add(entry.get("label").asText());
            }
        }));
        return labels;
    }

    private void assertNoEnglish(EnglishCheck check, String where) {
        EnglishOnPage.assertNone(browser.driver, check.forbidden(), check.notYetTranslated(), where);
    }
}
