package org.relay.browser;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing the loop (issue #28), in a real browser: Lena, an advocate, opens the link from her mail on her phone and
 * reads what became of her referrals; Ryan ticks "status updates" in Tasklist's New referral form (refused in plain
 * words without an email); Jackie sends the customer a new link and revokes them from Cockpit's referral page.
 * Screenshots in target/browser-screenshots/loop-*.png.
 */
class ClosingTheLoopJourneysTest extends BrowserJourney {

    private static final Pattern ADVOCATE_LINK = Pattern.compile("https://relay\\.test(/public/referrals/[A-Za-z0-9_-]{43})");
    private static final Pattern STATUS_LINK = Pattern.compile("https://relay\\.test(/public/status/[A-Za-z0-9_-]{43})");

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    AdvocateRepository advocates;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    @Test
    void lena_opens_the_link_from_her_mail_on_her_phone_and_sees_her_referrals() throws Exception {
        Advocate lena = new Advocate("ADV-123", "Lena Ortiz", "bob", true);
        lena.reachableAt("lena@ortiz-realty.example");
        advocates.saveAndFlush(lena);
        Referral oliver = intake.create(fromLena("Oliver Grant"));
        intake.create(fromLena("Maya Stone"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(oliver.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        management.createJobQuery().processDefinitionKey("ReferrerUpdateProcess").list()
                .forEach(job -> management.executeJob(job.getId()));
        String mail = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo("lena@ortiz-realty.example").get(0))
                .replace("=\r\n", "").replace("=3D", "=");
        Matcher link = ADVOCATE_LINK.matcher(mail);
        Assertions.assertThat(link.find()).as(mail).isTrue();

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.driver.get(url(link.group(1)));
            browser.visible(By.xpath("//h1[contains(., 'Hello Lena Ortiz')]"), 20);
            WebElement row = browser.visible(By.cssSelector("li[data-reference='" + oliver.getReferenceNumber() + "']"), 10);
            Assertions.assertThat(row.getText()).contains("Oliver G.").contains("With a specialist").contains("Bob")
                    .doesNotContain("Grant").doesNotContain("Chen");
            Assertions.assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("2 referrals")
                    .contains("Maya S.").contains("Waiting for a specialist");
            Assertions.assertThat((Boolean) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth;")).isTrue();
            browser.screenshot("loop-advocate-page");

            browser.driver.get(url("/public/referrals/" + "A".repeat(43)));
            browser.visible(By.xpath("//h1[normalize-space(.)='This link no longer works']"), 20);
            browser.screenshot("loop-advocate-link-gone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1400, 1100));
        }
    }

    @Test
    void ryan_ticks_status_updates_in_new_referral_and_jackie_sends_a_new_link_from_cockpit() throws Exception {
        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[contains(., 'Start process')]"), 30));
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='New referral']"), 20));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 20);
        browser.waitUpTo(20).until(d -> new Select(d.findElement(By.id("expressedInterest"))).getOptions().size() > 1);
        form.findElement(By.id("customerName")).sendKeys("Zoe Park");
        form.findElement(By.id("customerPhone")).sendKeys("+1 555 0142");
        WebElement box = form.findElement(By.id("customerStatusUpdates"));
        Assertions.assertThat(box.isEnabled()).as("no email yet: the box waits for one").isFalse();
        Assertions.assertThat(form.getText()).contains("Needs the customer's email");
        form.findElement(By.id("customerEmail")).sendKeys("zoe.park@mail.example");
        browser.click(box);
        form.findElement(By.id("customerEmail")).clear();
        browser.visible(By.id("customerStatusUpdatesProblem"), 5);
        Assertions.assertThat(form.findElement(By.id("customerStatusUpdatesProblem")).getText())
                .isEqualTo("Status updates go by email: enter the customer's email, or untick this box.");
        Assertions.assertThat(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Start']")).isEnabled())
                .as("the form cannot be started so").isFalse();
        browser.screenshot("loop-new-referral-needs-email");
        form.findElement(By.id("customerEmail")).sendKeys("zoe.park@mail.example");
        new Select(form.findElement(By.id("recordType"))).selectByVisibleText("Person Referral");
        new Select(form.findElement(By.id("expressedInterest"))).selectByVisibleText("Mortgage");
        browser.screenshot("loop-new-referral-status-updates");
        browser.click(browser.driver.findElement(By.xpath("//button[normalize-space(.)='Start']")));

        browser.waitUpTo(30).until(d -> referrals.findAll().stream().anyMatch(r -> r.getCustomer().getName().equals("Zoe Park")));
        Referral zoe = referrals.findAll().stream().filter(r -> r.getCustomer().getName().equals("Zoe Park")).findFirst().orElseThrow();
        Assertions.assertThat(zoe.isCustomerStatusUpdates()).isTrue();
        browser.waitUpTo(20).until(d -> !mailsTo("zoe.park@mail.example").isEmpty());
        String firstMail = com.icegreen.greenmail.util.GreenMailUtil.getBody(mailsTo("zoe.park@mail.example").get(0)).replace("=\r\n", "");
        Matcher first = STATUS_LINK.matcher(firstMail);
        Assertions.assertThat(first.find()).isTrue();

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referral?ref=" + zoe.getReferenceNumber()));
        browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 30);
        WebElement links = browser.visible(By.cssSelector(".relay-customer-links"), 20);
        browser.waitUpTo(10).until(d -> links.getText().contains("One link to their status page works."));
        Assertions.assertThat(links.getText()).contains("The customer agreed to status updates by email.");
        browser.click(links.findElement(By.cssSelector("button.relay-send-link")));
        browser.waitUpTo(20).until(d -> links.findElement(By.cssSelector(".relay-links-result")).getText()
                .startsWith("A new link is on its way to the customer"));
        Assertions.assertThat(mailsTo("zoe.park@mail.example")).hasSize(2);
        browser.screenshot("loop-cockpit-customer-links");

        browser.click(links.findElement(By.cssSelector("button.relay-revoke-links")));
        browser.waitUpTo(20).until(d -> links.findElement(By.cssSelector(".relay-links-result")).getText()
                .startsWith("One link revoked"));
        browser.waitUpTo(10).until(d -> links.getText().contains("None of the 2 links sent to them works any more."));
        browser.driver.get(url(first.group(1)));
        browser.visible(By.xpath("//h1[normalize-space(.)='This link no longer works']"), 20);
    }

    @Test
    void an_administrator_sees_the_buttons_and_send_is_off_for_a_customer_who_did_not_ask() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        browser.logIn(url("/camunda/app/cockpit/default/"), "demo");
        browser.driver.get(url("/camunda/app/cockpit/default/#/relay/referral?ref=" + kiara.getReferenceNumber()));
        browser.visible(By.cssSelector(".relay-referral[data-relay-rendered=true]"), 30);
        browser.visible(By.cssSelector(".relay-customer-links button.relay-send-link"), 20);
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("button.relay-send-link")).isEnabled())
                .as("Kiara did not ask for updates").isFalse();
    }

    private static CreateReferralRequest fromLena(String customer) {
        CreateReferralRequest r = RelayTestData.referral(customer, "MORTGAGE", "20000", "ryan");
        return new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(), r.interestValue(),
                "ADVOCATE", new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-123", null), r.notes());
    }
}
