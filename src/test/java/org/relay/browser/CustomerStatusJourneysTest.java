package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer follows her request on her phone (390×844): she opens the link from her confirmation mail, reads
 * where it stands and who has it, writes to her specialist, then withdraws it. Screenshots in
 * target/browser-screenshots/customer-status-*.png.
 */
class CustomerStatusJourneysTest extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("https://relay\\.test(/public/status/[A-Za-z0-9_-]{43})");

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;

    @Test
    void kiara_opens_her_link_on_a_phone_sees_the_stage_writes_to_alice_and_withdraws() throws Exception {
        CreateReferralRequest base = RelayTestData.kiarasMortgage();
        Referral kiara = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Kiara Thompson", null, "+1 555 0101",
                        "kiara@mail.example", "Springfield", "Central", null, null, null, null, true),
                base.expressedInterest(), base.interestValue(), base.sourceChannel(), base.referrer(), base.notes()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .singleResult().getId(), Map.of("reviewDecision", "accept"));
        String mail = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo("kiara@mail.example").get(0))
                .replace("=\r\n", "");
        Matcher link = LINK.matcher(mail);
        Assertions.assertThat(link.find()).isTrue();

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.driver.get(url(link.group(1)));
            browser.visible(By.xpath("//h1[contains(., 'Hello Kiara')]"), 20);
            Assertions.assertThat(browser.driver.findElement(By.cssSelector("li[aria-current=step]")).getText())
                    .isEqualTo("With a specialist");
            Assertions.assertThat(browser.driver.findElement(By.cssSelector(".now")).getText())
                    .isEqualTo("Alice has your request and will contact you soon.");
            Assertions.assertThat(browser.driver.findElement(By.tagName("main")).getText()).doesNotContain("Thompson");
            Assertions.assertThat(pageIsNoWiderThanThePhone()).isTrue();
            browser.screenshot("customer-status-page");

            browser.driver.findElement(By.id("message")).sendKeys("Could we meet on Friday afternoon?");
            browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Send message']")));
            browser.visible(By.xpath("//*[contains(., 'your message has been sent to Alice')]"), 20);
            browser.visible(By.xpath("//h2[normalize-space(.)='Your messages']"), 5);
            browser.screenshot("customer-status-message-sent");

            browser.click(browser.driver.findElement(By.linkText("Withdraw my request")));
            browser.visible(By.xpath("//h1[normalize-space(.)='Withdraw your request?']"), 20);
            browser.screenshot("customer-status-withdraw");
            browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Yes, withdraw my request']")));
            browser.visible(By.xpath("//*[contains(., 'Your request is withdrawn.')]"), 20);
            Assertions.assertThat(browser.driver.findElement(By.cssSelector("li[aria-current=step]")).getText()).isEqualTo("Done");
            Assertions.assertThat(browser.driver.findElements(By.id("message"))).isEmpty();
            browser.screenshot("customer-status-withdrawn");
            Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);

            browser.driver.get(url("/public/status/" + "A".repeat(43)));
            browser.visible(By.xpath("//h1[normalize-space(.)='This link no longer works']"), 20);
            browser.screenshot("customer-status-link-gone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    private boolean pageIsNoWiderThanThePhone() {
        Object wider = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }
}
