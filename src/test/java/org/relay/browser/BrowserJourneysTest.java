package org.relay.browser;

import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralRepository;
import org.relay.activity.ActivityInput;
import org.relay.activity.ActivityLog;
import org.relay.activity.ActivityType;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferrerType;
import org.relay.analytics.ReportRollups;
import org.relay.common.DirectoryNames;
import org.relay.intake.DuplicateResolution;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay's users in a real browser: the recipient in Tasklist, the manager in Cockpit, the customer on the public
 * page, the recipient following a mail's Accept link. A failing journey leaves a screenshot in
 * target/browser-screenshots/; the browser is closed after the class, whatever happened.
 */
class BrowserJourneysTest extends BrowserJourney {

    @Autowired
    ReferralIntake intake;
    @Autowired
    ReferralRepository referrals;
    @Autowired
    TaskService taskService;
    @Autowired
    ActivityLog activities;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReportRollups rollups;
    @Autowired
    DuplicateResolution duplicates;
    @Autowired
    DirectoryNames names;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_recipient_finds_the_best_referral_on_top_of_my_referrals_and_accepts_it() {
        absent("bob");
        absent("mike");
        // Kiara first: Tasklist's own order (newest first) would put the weaker, newer referral on top
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Referral weak = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Walter Small", null, null,
                        "walter@mail.example", "Springfield", "Central", null),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("1500"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, "rita", null), null));
        Assertions.assertThat(data.reload(weak).getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(data.reload(kiara).getTaskPriority()).isGreaterThan(data.reload(weak).getTaskPriority());

        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        WebElement first = browser.visible(By.cssSelector(".tasks-list > li"), 30);
        browser.waitUpTo(30).until(d -> d.findElements(By.cssSelector(".tasks-list > li")).size() == 2);
        first = browser.driver.findElements(By.cssSelector(".tasks-list > li")).get(0);
        Assertions.assertThat(first.getText()).contains("Review referral").contains("Kiara Thompson");
        // Camunda CE's end-of-life banner is not shown to Relay's users (styles/user-styles.css)
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")))
                .noneMatch(WebElement::isDisplayed);
        // the card's customer reads in dark text, not Camunda's faded grey
        Assertions.assertThat(first.findElement(By.cssSelector(".variable-value")).getCssValue("color"))
                .isIn("rgba(34, 34, 34, 1)", "rgb(34, 34, 34)");
        Assertions.assertThat(browser.driver.getCurrentUrl()).contains("sorting=");

        browser.click(first);
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        // the embedded form reads the referral from Relay's API with alice's Tasklist session
        browser.waitUpTo(20).until(d -> formText(form).contains("Kiara Thompson"));
        Assertions.assertThat(formText(form)).contains("Mortgage").contains("USD 450,000").contains("/100")
                .contains("referrer score").contains("Why you got it").contains("customer@mail.example");

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Accept')]")));
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));
        browser.waitUpTo(30).until(d -> data.reload(kiara).getStatus() == ReferralStatus.ACCEPTED);
        Assertions.assertThat(data.reload(kiara).getOwnerId()).isEqualTo("alice");
    }

    @Test
    void a_hostile_customer_name_runs_no_script_in_tasklist() {
        Referral eve = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Eve <img src=x onerror=\"window.__xss=1\">",
                        null, null, "eve@mail.example", "Springfield", "Central", null),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("250000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null),
                "<script>window.__xss=2</script>{{7*7}} ${7*7}"));
        Assertions.assertThat(data.reload(eve).getOwnerId()).isEqualTo("alice");

        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Eve')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("onerror"));
        Object executed = ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return window.__xss;");
        Assertions.assertThat(executed).as("a script stored in the referral ran in Tasklist").isNull();
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("form.relay-form img[src='x']"))).isEmpty();
        // shown as written: neither HTML nor an Angular expression of the form
        // (not "no 49 anywhere": a timeline time such as 02:49 has one)
        Assertions.assertThat(formText(form)).contains("{{7*7}} ${7*7}").doesNotContain("49 ${7*7}").doesNotContain("{{7*7}} 49");
    }

    @Test
    void a_rejected_referral_reaches_the_next_recipient() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("Kiara Thompson"));

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reject')]")));
        new Select(browser.visible(By.id("rejectReason"), 10)).selectByVisibleText("At capacity");
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));

        browser.waitUpTo(30).until(d -> !"alice".equals(reviewTask(kiara).map(Task::getAssignee).orElse("alice")));
        String next = reviewTask(kiara).orElseThrow().getAssignee();
        Assertions.assertThat(next).isIn("bob", "mike");
        browser.logIn(url("/camunda/app/tasklist/"), next);
        WebElement item = browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30);
        Assertions.assertThat(item.getText()).contains("Review referral");
    }

    @Test
    void the_manager_sees_the_relay_dashboard_in_cockpit() {
        intake.create(RelayTestData.kiarasMortgage());
        intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        rollups.refresh();

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.visible(By.cssSelector(".relay-dashboard[data-relay-rendered=true]"), 40);
        // funnel, speed, referrers, recipients, and first contact by source and by recipient
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".relay-dashboard canvas"))).hasSize(6);
        Assertions.assertThat(browser.driver.findElement(By.id("relay-funnel")).getText()).contains("Funnel");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".relay-dashboard .relay-error"))).isEmpty();
    }

    @Test
    void a_manager_reads_a_lifecycle_in_cockpit_without_controls_to_edit_its_variables() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String page = url("/camunda/app/cockpit/default/#/process-instance/" + kiara.getProcessInstanceId() + "/runtime");

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.driver.get(page);
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='Variables']"), 40));   // after Relay's Referral tab
        browser.visible(By.xpath("//td[contains(., 'referenceNumber')]"), 40);
        browser.waitUpTo(10).until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("relay-read-only"));
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("table.cam-table td.actions")))
                .noneMatch(WebElement::isDisplayed);
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".ctn-toolbar a.btn-toolbar")))
                .noneMatch(WebElement::isDisplayed);

        // the administrator, who operates the engine, keeps them
        browser.logIn(url("/camunda/app/tasklist/"), "demo");   // another page, so the login form loads afresh
        browser.driver.get(page);
        browser.click(browser.visible(By.xpath("//a[normalize-space(.)='Variables']"), 40));
        browser.visible(By.xpath("//td[contains(., 'referenceNumber')]"), 40);
        browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector("table.cam-table td.actions")).stream()
                .anyMatch(WebElement::isDisplayed));
    }

    @Test
    void an_advisor_refers_a_customer_from_tasklists_start_process_and_the_recipient_sees_it() {
        browser.logIn(url("/camunda/app/tasklist/"), "ryan");
        browser.click(browser.visible(By.xpath("//a[contains(., 'Start process')]"), 30));
        // the lifecycle itself is not startable by staff: New referral is the only process offered
        WebElement offered = browser.visible(By.xpath("//a[normalize-space(.)='New referral']"), 20);
        Assertions.assertThat(browser.driver.findElements(By.xpath("//a[normalize-space(.)='Referral lifecycle']"))).isEmpty();
        browser.click(offered);
        startZoesMortgage();

        browser.waitUpTo(30).until(d -> referrals.count() == 1);
        Referral zoe = referrals.findAll().get(0);
        Assertions.assertThat(zoe.getCustomer().getName()).isEqualTo("Zoe Park");
        Assertions.assertThat(zoe.getReferrer().getId()).isEqualTo("ryan");
        browser.logIn(url("/camunda/app/tasklist/"), zoe.getOwnerId());
        Assertions.assertThat(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Zoe Park')]"), 30)
                .getText()).contains("Review referral");
    }

    @Test
    void a_recipient_reassigns_by_picking_a_queue_and_a_colleague_by_name() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // alice's
        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("Kiara Thompson"));

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reassign')]")));
        browser.waitUpTo(10).until(d -> new Select(d.findElement(By.id("reassignQueue"))).getOptions().size() > 1);
        new Select(browser.driver.findElement(By.id("reassignQueue"))).selectByVisibleText("Cards and Loans");
        browser.waitUpTo(10).until(d -> new Select(d.findElement(By.id("reassignToUser"))).getOptions().stream()
                .anyMatch(option -> option.getText().equals("Dana Kim")));
        new Select(browser.driver.findElement(By.id("reassignToUser"))).selectByVisibleText("Dana Kim");
        browser.visible(By.id("reviewNote"), 10).sendKeys("Dana handles this developer's cards");
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));

        browser.waitUpTo(30).until(d -> "dana".equals(reviewTask(kiara).map(Task::getAssignee).orElse(null)));
    }

    @Test
    void a_recipient_merges_a_referral_sent_twice_into_the_customers_first_one() {
        Referral first = intake.create(RelayTestData.kiarasMortgage());   // alice's
        Referral second = intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "400000", "ryan"));
        String owner = data.reload(second).getOwnerId();
        Assertions.assertThat(owner).isNotEqualTo("alice");
        browser.logIn(url("/camunda/app/tasklist/"), owner);
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("Kiara Thompson"));
        // the summary line says why this recipient got it; the customer's other open interest names its owner
        Assertions.assertThat(form.findElement(By.cssSelector(".relay-headline")).getText())
                .contains("why you: fewest open referrals in your queue");

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Merge')]")));
        Select into = new Select(browser.visible(By.id("mergeInto"), 10));
        Assertions.assertThat(into.getFirstSelectedOption().getText())
                .startsWith(first.getReferenceNumber()).contains("Mortgage").contains("Alice Romero");
        browser.visible(By.id("reviewNote"), 10).sendKeys("Same house, sent twice");
        browser.screenshot("review-merge-decision");
        browser.click(browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]")));

        browser.waitUpTo(30).until(d -> data.reload(second).getStatus() == ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(data.reload(second).getCloseReason()).isEqualTo("DUPLICATE");
        Assertions.assertThat(browser.visible(By.cssSelector("#relay-confirmation[data-relay-state=done]"), 30).getText())
                .contains("Merged").contains("closed as a duplicate of " + first.getReferenceNumber())
                .contains("which stays with Alice Romero");
        Assertions.assertThat(data.reload(first).getStatus().isOpen()).isTrue();
    }

    @Test
    void the_review_form_checks_what_it_can_and_a_rule_only_relay_knows_comes_back_as_one_plain_sentence() {
        Referral first = intake.create(RelayTestData.kiarasMortgage());   // alice's
        Referral second = intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "400000", "ryan"));
        String owner = data.reload(second).getOwnerId();
        browser.logIn(url("/camunda/app/tasklist/"), owner);
        // each user sees the filters of their own queues only
        browser.visible(By.xpath("//*[normalize-space(text())='Queue: Retail Lending']"), 30);
        Assertions.assertThat(browser.driver.findElement(By.tagName("body")).getText())
                .doesNotContain("Queue: Insurance").doesNotContain("Queue: Wealth Management");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Kiara Thompson')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("Kiara Thompson"));
        WebElement complete = browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]"));

        // the form's own rules: a rejection needs its reason before Complete can be clicked
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reject')]")));
        Assertions.assertThat(browser.visible(By.xpath("//label[@for='rejectReason']"), 10).getText()).contains("required");
        Assertions.assertThat(complete.isEnabled()).as("Complete without a reason").isFalse();
        // the reassign picker does not offer the recipient themself
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Reassign')]")));
        browser.waitUpTo(10).until(d -> new Select(d.findElement(By.id("reassignQueue"))).getOptions().size() > 1);
        new Select(browser.driver.findElement(By.id("reassignQueue"))).selectByVisibleText("Retail Lending");
        browser.waitUpTo(10).until(d -> new Select(d.findElement(By.id("reassignToUser"))).getOptions().size() > 2);
        Assertions.assertThat(new Select(browser.driver.findElement(By.id("reassignToUser"))).getOptions())
                .extracting(WebElement::getText).doesNotContain(names.person(owner)).contains("Alice Romero");

        // what only Relay can know: the other referral was closed while the form was open
        duplicates.merge(first.getReferenceNumber(), new DuplicateResolution.MergeRequest(second.getReferenceNumber(),
                "alice", "the same"));
        browser.click(form.findElement(By.xpath(".//label[contains(., 'Merge')]")));
        browser.click(complete);
        WebElement refusal = browser.visible(By.xpath("//*[contains(., 'is not an open referral of this customer any more')]"
                + "[not(*[contains(., 'is not an open referral of this customer any more')])]"), 20);
        browser.screenshot("review-refused-in-plain-words");
        Assertions.assertThat(refusal.getText())
                .contains(first.getReferenceNumber() + " is not an open referral of this customer any more: merge into another, or keep both.")
                .doesNotContain("ENGINE-").doesNotContain("mergeInto").doesNotContain("Exception");
        Assertions.assertThat(reviewTask(second)).isPresent();
        Assertions.assertThat(data.reload(second).getStatus().isOpen()).isTrue();
    }

    @Test
    void a_referral_waiting_in_a_queue_says_how_to_take_it() {
        Referral bakery = intake.create(RelayTestData.referral("Brightline Bakery", "BUSINESS_LENDING", "250000", "ryan"));
        Assertions.assertThat(data.reload(bakery).getOwnerId()).isEqualTo("bianca");
        // everyone in business banking rejected it: it waits, unclaimed, in the referrer's managers' queue
        taskService.complete(reviewTask(bakery).orElseThrow().getId(), Map.of("reviewDecision", "reject",
                "rejectReason", "WRONG_REGION"));
        Assertions.assertThat(reviewTask(bakery).orElseThrow().getAssignee()).isNull();

        browser.logIn(url("/camunda/app/tasklist/"), "jackie");
        browser.click(browser.visible(By.xpath("//*[normalize-space(text())='Queue: Referral Managers']"), 30));
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Brightline Bakery')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("Brightline Bakery"));
        Assertions.assertThat(form.findElement(By.cssSelector(".alert-info")).getText())
                .contains("waits in the queue for whoever takes it").contains("Claim");
        // and the story shows why it is there, with the rejecter's name and reason
        Assertions.assertThat(form.findElement(By.cssSelector(".relay-history")).getText())
                .contains("Rejected by Bianca Rossi: Wrong region");
    }

    @Test
    void the_work_form_shows_what_was_done_and_asks_before_converting() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());   // alice's
        taskService.complete(reviewTask(kiara).orElseThrow().getId(), Map.of("reviewDecision", "accept"));
        activities.record(kiara.getReferenceNumber(), new ActivityInput(ActivityType.CALL, "Talked rates with Kiara",
                null, null, 15, "Sends her payslips", true, null, "alice"));

        browser.logIn(url("/camunda/app/tasklist/"), "alice");
        browser.click(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Work referral')]"), 30));
        WebElement form = browser.visible(By.cssSelector("form.relay-form"), 30);
        browser.waitUpTo(20).until(d -> formText(form).contains("What has been done"));
        Assertions.assertThat(formText(form)).contains("Talked rates with Kiara").contains("Sends her payslips")
                .contains("by Alice Romero");
        // how it got here: routing and decisions, people by name
        Assertions.assertThat(form.findElement(By.cssSelector(".relay-history")).getText())
                .contains("How it got here").contains("Routed").contains("Alice Romero had the fewest open referrals")
                .contains("Accepted by Alice Romero");

        browser.click(form.findElement(By.xpath(".//label[contains(., 'Convert')]")));
        WebElement confirmation = browser.visible(By.xpath("//label[input[@id='confirmOutcome']]"), 10);
        Assertions.assertThat(confirmation.getText()).contains("USD 450,000.00").contains("in 30 days")
                .contains("cannot be undone");
        WebElement complete = browser.driver.findElement(By.xpath("//button[contains(., 'Complete')]"));
        Assertions.assertThat(complete.isEnabled()).as("Complete before confirming").isFalse();
        browser.click(browser.driver.findElement(By.id("confirmOutcome")));
        browser.click(complete);
        browser.waitUpTo(30).until(d -> taskService.createTaskQuery()
                .processInstanceId(kiara.getProcessInstanceId()).count() == 0);
    }

    @Test
    void a_hostile_referrer_name_runs_no_script_in_the_cockpit_dashboard() {
        String hostile = "<img src=x onerror=alert(document.domain)><b>Top</b>";
        intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Pat Partner", null, null,
                        "pat@mail.example", "Springfield", "Central", null),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("250000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.PARTNER, "P-777", hostile), null));
        // a scored referrer: ECharts shows no tooltip for a bar without a value
        jdbc.update("insert into referrer_standing (referrer_id, referrer_type, referrer_name, referrals_made, decided,"
                + " converted, weighted_decided, weighted_converted, score, updated_at) values ('P-777', 'PARTNER', ?,"
                + " 1, 0, 0, 0, 0, 80, now()) on conflict (referrer_id) do update set score = 80", hostile);
        rollups.refresh();

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.visible(By.cssSelector(".relay-dashboard[data-relay-rendered=true]"), 40);
        var page = (org.openqa.selenium.JavascriptExecutor) browser.driver;
        // the payload calls alert(): record it instead of letting a dialog block the browser
        page.executeScript("window.__xss = null; window.alert = value => { window.__xss = String(value); };");
        Object shown = page.executeScript("""
                const chart = echarts.getInstanceByDom(document.querySelector('#relay-referrers .relay-chart'));
                const names = chart.getOption().yAxis[0].data;
                const index = names.findIndex(name => String(name).indexOf('<img') >= 0);
                document.querySelector('#relay-referrers').scrollIntoView({block: 'center'});
                if (index >= 0) {
                  chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: index});
                }
                return index;""");
        Assertions.assertThat(((Number) shown).intValue()).as("the hostile referrer among the top referrers").isNotNegative();
        WebElement tooltip = browser.waitUpTo(10).until(d -> d.findElements(By.xpath(
                "//div[@id='relay-referrers']//div[contains(., 'score')]")).stream()
                .filter(WebElement::isDisplayed).filter(e -> e.getText().contains("converted")).findFirst().orElse(null));
        Assertions.assertThat(tooltip.getText()).as("the name shown as text").contains(hostile + ": score 80");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("#relay-referrers img, #relay-referrers b"))).isEmpty();
        Assertions.assertThat(page.executeScript("return window.__xss;")).as("a script in a referrer's name ran").isNull();
    }

    @Test
    void a_customer_asks_on_the_public_page_and_a_recipient_gets_the_task() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url("/public/lead"));
        browser.visible(By.id("name"), 20).sendKeys("Priya Natarajan");
        browser.driver.findElement(By.id("email")).sendKeys("priya@mail.example");
        browser.driver.findElement(By.id("phone")).sendKeys("+1 555 0142");
        new Select(browser.driver.findElement(By.id("product"))).selectByVisibleText("Mortgage");
        browser.click(browser.driver.findElement(By.id("consent")));
        browser.click(browser.driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")));

        WebElement thanks = browser.visible(By.tagName("strong"), 20);
        Assertions.assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
        Referral lead = referrals.findByReferenceNumber(thanks.getText()).orElseThrow();
        Assertions.assertThat(lead.getCustomer().getName()).isEqualTo("Priya Natarajan");
        Task review = reviewTask(lead).orElseThrow();
        browser.logIn(url("/camunda/app/tasklist/"), review.getAssignee());
        Assertions.assertThat(browser.visible(By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(., 'Priya Natarajan')]"), 30)
                .getText()).contains("Review referral");
    }

    @Test
    void the_accept_link_in_the_mail_opens_the_confirmation_and_completes_the_task() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(kiara.getProcessInstanceId());
        MimeMessage mail = mailsTo("alice@relay.example").get(0);
        Matcher accept = Pattern.compile("Accept: (\\S+/actions/\\S+)").matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
        Assertions.assertThat(accept.find()).as("an Accept link in the mail").isTrue();
        String path = accept.group(1).replaceFirst("^https?://[^/]+", "");

        browser.driver.manage().deleteAllCookies();
        browser.driver.get(url(path));
        Assertions.assertThat(browser.visible(By.tagName("h1"), 20).getText())
                .isEqualTo("Accept this referral? " + kiara.getReferenceNumber());
        Assertions.assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("USD 450,000")
                .contains("/100");
        // at a phone's width nothing runs off the page
        var desktop = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            Assertions.assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                    .isLessThanOrEqualTo(0L);
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
        browser.click(browser.driver.findElement(By.cssSelector("form button[type=submit]")));
        browser.waitUpTo(20).until(ExpectedConditions.textToBe(By.tagName("h1"), "Referral accepted"));
        Assertions.assertThat(data.reload(kiara).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    private Optional<Task> reviewTask(Referral referral) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(referrals.findById(referral.getId())
                .orElseThrow().getProcessInstanceId()).taskDefinitionKey("Task_ReviewReferral").singleResult());
    }

    private void absent(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        rest.exchange("/api/recipients/" + user, HttpMethod.PUT,
                new HttpEntity<>(Map.of("capacity", 25, "absent", true, "active", true), headers), String.class);
    }

    /** What a person reads in a form: its text and the values of its fields. */
    private static String formText(WebElement form) {
        StringBuilder text = new StringBuilder(form.getText());
        for (WebElement field : form.findElements(By.cssSelector("input, textarea"))) {
            text.append('\n').append(field.getDomProperty("value"));
        }
        return text.toString();
    }
}
