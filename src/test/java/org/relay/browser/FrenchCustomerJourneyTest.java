package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.webform.WebFormRateLimits;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claire, a French-speaking customer, on a browser that says nothing about French: she picks "Français" on the public
 * form, gets its checks in French, sends it, reads the French thank-you page, then follows her request on the status
 * page from her confirmation mail, in French because her request is. Not one English text of Relay's bundles on the
 * way. Screenshots in target/browser-screenshots/french-*.png.
 */
class FrenchCustomerJourneyTest extends BrowserJourney {

    private static final Pattern STATUS_LINK = Pattern.compile("https://relay\\.test(/public/status/[A-Za-z0-9_-]{43})");

    @Autowired
    ReferralRepository referrals;
    @Autowired
    TaskService taskService;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.relay.i18n.UserLanguages userLanguages;
    @Autowired
    org.relay.referral.ReferralIntake intake;

    @Test
    void claire_sends_the_form_in_french_and_follows_her_request_in_french() throws Exception {
        WebFormRateLimits.reset(context);
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/public/lead"));
        browser.visible(By.xpath("//h1"), 20);
        browser.click(browser.driver.findElement(By.linkText("Français")));
        browser.visible(By.xpath("//label[contains(., 'Votre nom')]"), 20);
        Assertions.assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        noEnglishOnThePage();
        browser.screenshot("french-lead-form");

        // a first try with a mistyped address and no consent: the checks answer in French
        browser.driver.findElement(By.id("name")).sendKeys("Claire Dubois");
        browser.driver.findElement(By.id("email")).sendKeys("claire.dubois@");
        new Select(browser.driver.findElement(By.id("product"))).selectByVisibleText("Prêt immobilier");
        browser.driver.findElement(By.id("amount")).sendKeys("380 000");
        browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Envoyer']")));
        browser.visible(By.xpath("//*[contains(., 'Veuillez corriger les champs signalés.')]"), 20);
        Assertions.assertThat(browser.driver.findElement(By.id("email-error")).getText())
                .isEqualTo("Cette adresse e-mail ne semble pas correcte.");
        Assertions.assertThat(browser.driver.findElement(By.id("consent-error")).getText())
                .isEqualTo("Veuillez donner votre accord afin que nous puissions vous contacter.");
        noEnglishOnThePage();
        browser.screenshot("french-lead-errors");

        browser.driver.findElement(By.id("email")).clear();
        browser.driver.findElement(By.id("email")).sendKeys("claire@mail.example");
        browser.click(browser.driver.findElement(By.id("consent")));
        browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Envoyer']")));
        browser.visible(By.xpath("//h1[normalize-space(.)='Merci']"), 20);
        noEnglishOnThePage();
        browser.screenshot("french-thanks");

        Referral claire = referrals.findAll().get(0);
        Assertions.assertThat(claire.getCustomerLanguage()).isEqualTo("fr");
        Assertions.assertThat(claire.getConsentLanguage()).isEqualTo("fr");

        // her specialist accepts; the link in her (French) confirmation opens her request, in French
        taskService.complete(taskService.createTaskQuery().processInstanceId(claire.getProcessInstanceId())
                .singleResult().getId(), Map.of("reviewDecision", "accept"));
        String mail = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo("claire@mail.example").get(0))
                .replace("=\r\n", "");
        Matcher link = STATUS_LINK.matcher(mail);
        Assertions.assertThat(link.find()).isTrue();
        browser.driver.manage().deleteAllCookies();   // no remembered choice: the request's language decides
        browser.driver.get(url(link.group(1)));
        browser.visible(By.xpath("//h1[contains(., 'Bonjour Claire')]"), 20);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("li[aria-current=step]")).getText())
                .isEqualTo("Confiée à un conseiller");
        noEnglishOnThePage();
        browser.screenshot("french-status-page");
    }

    @Test
    void alice_set_to_french_accepts_from_her_mail_on_a_french_page() throws Exception {
        userLanguages.choose("alice", java.util.Locale.FRENCH);
        try {
            Referral kiara = intake.create(org.relay.support.RelayTestData.kiarasMortgage());
            notifyRecipient(kiara.getProcessInstanceId());
            jakarta.mail.internet.MimeMessage mail = mailsTo("alice@relay.example").get(0);
            Assertions.assertThat(mail.getSubject()).startsWith("Nouvelle recommandation Prêt immobilier");
            Matcher accept = Pattern.compile("https://relay\\.test(/actions/[A-Za-z0-9_.~-]+)")
                    .matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).replace("=\r\n", ""));
            Assertions.assertThat(accept.find()).isTrue();

            browser.driver.manage().deleteAllCookies();
            browser.driver.get(url(accept.group(1)));
            browser.visible(By.xpath("//h1[contains(., 'Accepter cette recommandation ?')]"), 20);
            Assertions.assertThat(browser.driver.findElement(By.tagName("main")).getText())
                    .contains("Prêt immobilier, 450\u202F000 USD").contains("Recommandé par");
            noEnglishOnThePage();
            browser.screenshot("french-one-click-accept");
            browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Accepter la recommandation']")));
            browser.visible(By.xpath("//h1[normalize-space(.)='Recommandation acceptée']"), 20);
            noEnglishOnThePage();
            browser.screenshot("french-one-click-done");
        } finally {
            userLanguages.choose("alice", null);
        }
    }

    /** The page's visible text holds none of the English texts Relay's bundles translate differently into French. */
    private void noEnglishOnThePage() throws IOException {
        String visible = browser.driver.findElement(By.tagName("body")).getText();
        List<String> english = new ArrayList<>();
        for (String fragment : englishOnly()) {
            // as words: "Accept" is English, "Accepter" is not
            if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(fragment) + "(?!\\p{L})").matcher(visible).find()) {
                english.add(fragment);
            }
        }
        Assertions.assertThat(english).as("English on the French page:\n" + visible).isEmpty();
    }

    /**
     * English texts that differ from their French: whole texts, and for texts with arguments the literal pieces
     * between them (those of a few words only; "Dear", "Reference" alone could be a name).
     */
    private static List<String> englishOnly() throws IOException {
        List<String> fragments = new ArrayList<>();
        for (String bundle : List.of("messages", "catalog")) {
            Properties en = load(bundle + ".properties");
            Properties fr = load(bundle + "_fr.properties");
            for (String key : en.stringPropertyNames()) {
                String text = en.getProperty(key);
                if (key.startsWith("format.") || text.equals(fr.getProperty(key))) {
                    continue;
                }
                for (String piece : text.split("\\{[^}]*}")) {
                    String literal = piece.replace("''", "'").strip();
                    if (literal.length() >= 12 || (literal.length() >= 4 && piece.equals(text))) {
                        fragments.add(literal);
                    }
                }
            }
        }
        return fragments;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
