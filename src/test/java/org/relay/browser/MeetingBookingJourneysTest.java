package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alice offers Kiara meeting times from the Work form in Tasklist; Kiara books one on her phone (390×844) from her
 * status page; Alice sees the meeting on the Work form. Screenshots in target/browser-screenshots/meeting-*.png.
 */
class MeetingBookingJourneysTest extends BrowserJourney {

    private static final Pattern LINK = Pattern.compile("https://relay\\.test(/public/status/[A-Za-z0-9_-]{43})");

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;

    @Test
    void alice_offers_times_kiara_books_one_on_her_phone_and_alice_sees_it_in_the_work_form() throws Exception {
        CreateReferralRequest base = RelayTestData.kiarasMortgage();
        Referral kiara = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Kiara Thompson", null, "+1 555 0101",
                        "kiara@mail.example", "Springfield", "Central", null, null, null, null, true),
                base.expressedInterest(), base.interestValue(), base.sourceChannel(), base.referrer(), base.notes()));
        taskService.complete(taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .singleResult().getId(), Map.of("reviewDecision", "accept"));
        Matcher link = LINK.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo("kiara@mail.example").get(0))
                .replace("=\r\n", ""));
        Assertions.assertThat(link.find()).isTrue();

        // Alice, in Tasklist: the Work form's "Offer meeting times"
        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        WebElement form = openWorkForm();
        WebElement meetings = browser.visible(By.id("relay-meetings"), 30);
        browser.waitUpTo(20).until(d -> !d.findElements(By.cssSelector("label.relay-slot")).isEmpty());
        Assertions.assertThat(meetings.getText()).contains("No meeting booked.").contains("Offer meeting times")
                .contains("America/New_York");
        List<WebElement> slots = browser.driver.findElements(By.cssSelector("label.relay-slot"));
        for (int i = 0; i < 3; i++) {
            browser.click(slots.get(i));
        }
        browser.click(browser.driver.findElement(By.id("saveMeetingOffers")));
        browser.waitUpTo(20).until(d -> d.findElement(By.cssSelector(".relay-offer-status")).getText()
                .contains("3 times offered"));
        browser.screenshot("meeting-offer-work-form");
        Assertions.assertThat(form.getText()).doesNotContain("could not");

        // Kiara, on her phone
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.driver.get(url(link.group(1)));
            browser.visible(By.xpath("//h2[normalize-space(.)='Book a meeting']"), 20);
            List<WebElement> times = browser.driver.findElements(By.cssSelector("label.time"));
            Assertions.assertThat(times).hasSize(3);
            Assertions.assertThat(fitsThePhone()).isTrue();
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('meeting').scrollIntoView();");
            browser.screenshot("meeting-book-phone");
            browser.click(times.get(1));
            browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Book this time']")));
            browser.visible(By.xpath("//*[contains(., 'Your meeting is booked.')]"), 20);
            Assertions.assertThat(browser.driver.findElement(By.cssSelector("li[aria-current=step]")).getText())
                    .isEqualTo("In progress");
            Assertions.assertThat(browser.driver.findElement(By.cssSelector(".booked")).getText())
                    .contains("with Alice").contains("Eastern");
            Assertions.assertThat(fitsThePhone()).isTrue();
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('meeting').scrollIntoView();");
            browser.screenshot("meeting-booked-phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1400, 1100));
        }
        Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);

        // Alice again: the booking restarted the work step; the form lists the meeting and offers to cancel it
        browser.driver.get(url("/camunda/app/tasklist/"));
        openWorkForm();
        browser.waitUpTo(30).until(d -> !d.findElements(By.cssSelector(".relay-meeting")).isEmpty());
        WebElement booked = browser.driver.findElement(By.cssSelector(".relay-meeting"));
        Assertions.assertThat(booked.getText()).contains("booked by the customer").contains("Cancel meeting");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("label.relay-slot-on"))).as("the booked time is"
                + " no longer on offer").hasSize(2);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("form.relay-form")).getText())
                .contains("Meeting booked by customer").doesNotContain("MEETING_BOOKED");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('relay-meetings').scrollIntoView();");
        browser.screenshot("meeting-work-form-booked");
    }

    private WebElement openWorkForm() {
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Work referral')]"), 30));
        return browser.visible(By.cssSelector("form.relay-form"), 30);
    }

    private boolean fitsThePhone() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;"));
    }
}
