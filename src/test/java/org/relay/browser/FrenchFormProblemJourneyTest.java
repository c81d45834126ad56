package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relay.referral.ReferralRepository;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/**
 * Issue #30: Tasklist shows the problem Relay answered in the webapp's language. A French advisor starts a New
 * referral whose phone is no phone number; Relay refuses it, and Tasklist shows the refusal in French, naming the
 * field as the API does. Screenshot: target/browser-screenshots/french-new-referral-refused.png.
 */
class FrenchFormProblemJourneyTest extends BrowserJourney {

    @Autowired
    ReferralRepository referrals;

    @Test
    void a_french_advisor_reads_relays_refusal_of_a_bad_phone_in_french() {
        speak("fr-FR,fr");
        long before = referrals.count();
        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]"), 30));
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='Nouvelle recommandation']"), 20));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 20);
        browser.waitUpTo(20).until(d -> new Select(d.findElement(By.id("expressedInterest"))).getOptions().size() > 1);
        form.findElement(By.id("customerName")).sendKeys("Zoé Parc");
        form.findElement(By.id("customerPhone")).sendKeys("appelez-moi");   // the form has no pattern: Relay checks it
        new Select(form.findElement(By.id("recordType"))).selectByValue("string:PERSON_REFERRAL");
        new Select(form.findElement(By.id("expressedInterest"))).selectByValue("string:MORTGAGE");
        browser.click(browser.driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));

        String refusal = "customer.phone: doit être un numéro de téléphone, par exemple +1 555 0100";
        browser.waitUpTo(30).until(d -> d.findElement(By.tagName("body")).getText().contains(refusal));
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .doesNotContain("must be a phone number");
        WebElement shown = browser.driver.findElement(By.xpath("//*[contains(text(), 'doit être un numéro de téléphone')]"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", shown);
        browser.screenshot("french-new-referral-refused");
        Assertions.assertThat(referrals.count()).as("nothing was created").isEqualTo(before);
    }

    /** The browser's languages, as Chromium started with --lang sends and reports them (Accept-Language, navigator). */
    private void speak(String languages) {
        browser.driver.get(url("/camunda/app/welcome/"));
        browser.driver.executeScript("window.localStorage.clear()");
        String agent = (String) browser.driver.executeScript("return navigator.userAgent");
        browser.driver.executeCdpCommand("Network.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", languages));
        browser.driver.executeCdpCommand("Emulation.setLocaleOverride", Map.of("locale", languages.split(",")[0]));
    }
}
