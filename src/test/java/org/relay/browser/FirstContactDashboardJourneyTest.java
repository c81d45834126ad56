package org.relay.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.relay.analytics.ReportRollups;
import org.relay.referral.ReferralIntake;
import org.relay.scoring.ReferrerStandings;
import org.relay.support.RelayTestData;
import org.relay.synthetic.SyntheticHistoryWriter;
import org.relay.synthetic.SyntheticReferralHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue #28, the speed report's first contact as a manager sees it in Cockpit: the dashboard says how many customers
 * were reached within an hour and within a business day, per channel and per recipient (by name), with medians; a
 * click on a channel's "within 1 business day" bar opens Relay's referral list with exactly that channel's referrals
 * not reached within a business day (those never contacted included).
 */
class FirstContactDashboardJourneyTest extends BrowserJourney {

    @Autowired
    SyntheticHistoryWriter writer;
    @Autowired
    ReferrerStandings standings;
    @Autowired
    ReferralIntake intake;
    @Autowired
    ReportRollups rollups;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    /** Two months of decided referrals (first contacts hours after acceptance, some never) and two waiting now. */
    @BeforeEach
    void aBankWithHistory() {
        Instant now = Instant.now();
        writer.write(SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(5, 150,
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(9)), org.relay.support.SyntheticBank.REFERRERS,
                Map.of("retail-lending", List.of("bob", "alice", "mike"), "cards-and-loans", List.of("carlos", "dana"),
                        "wealth-management", List.of("ryan", "wendy")), Duration.ofDays(180))));
        standings.refreshAll();
        intake.create(RelayTestData.kiarasMortgage());
        intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        rollups.refresh();
    }

    @Test
    void the_dashboard_shows_first_contact_and_a_channels_bar_lists_exactly_its_referrals_not_reached() throws Exception {
        JsonNode speed = read("/api/reports/speed");
        JsonNode all = speed.get("rows").get(0);
        JsonNode bySource = speed.get("breakdowns").get("firstContactBySource");
        Assertions.assertThat(all.get("contacted").asLong()).isPositive().isLessThan(all.get("referrals").asLong());

        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        browser.visible(By.cssSelector(".relay-dashboard[data-relay-rendered=true]"), 40);
        WebElement card = browser.visible(By.id("relay-first-contact-source"), 10);
        JavascriptExecutor page = (JavascriptExecutor) browser.driver;
        page.executeScript("arguments[0].scrollIntoView({block: 'start'});", card);
        browser.screenshot("cockpit-dashboard-first-contact");

        // the figures above the chart are the report's, and the recipient card says how not-yet-contacted ones count
        Assertions.assertThat(card.findElement(By.cssSelector(".relay-rates")).getText())
                .startsWith("Reached within 1 hour: " + percent(all.get("reachedWithinHour").asLong(), all.get("referrals").asLong())
                        + " (" + all.get("reachedWithinHour").asLong() + " of " + all.get("referrals").asLong() + ")")
                .contains("within 1 business day: " + percent(all.get("reachedWithinBusinessDay").asLong(), all.get("referrals").asLong()));
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("#relay-first-contact-recipient .relay-rates")).getText())
                .contains((all.get("referrals").asLong() - all.get("contacted").asLong()) + " not yet contacted, counted as not reached");
        Assertions.assertThat(card.findElement(By.cssSelector(".relay-links")).getText())
                .contains("not reached within 1 hour: " + all.get("notReachedWithinHour").asLong())
                .contains("not reached within 1 business day: " + all.get("notReachedWithinBusinessDay").asLong());

        // a category per channel with its median and p90, channels by their labels, recipients by their names
        @SuppressWarnings("unchecked")
        List<String> channels = (List<String>) page.executeScript("""
                const chart = echarts.getInstanceByDom(document.querySelector('#relay-first-contact-source .relay-chart'));
                return chart.getModel().getComponent('yAxis', 0).axis.getViewLabels().map(l => l.formattedLabel);""");
        Assertions.assertThat(channels).hasSize(bySource.size()).allSatisfy(label -> Assertions.assertThat(label).contains("median "));
        @SuppressWarnings("unchecked")
        List<String> recipients = (List<String>) page.executeScript("""
                const chart = echarts.getInstanceByDom(document.querySelector('#relay-first-contact-recipient .relay-chart'));
                return chart.getModel().getComponent('yAxis', 0).axis.getViewLabels().map(l => l.formattedLabel);""");
        Assertions.assertThat(String.join("|", recipients)).contains("Bob ").doesNotContain("bob\n");

        // a real click on the top channel's "within 1 business day" bar
        JsonNode top = bySource.get(0);
        page.executeScript("window.__relayNavigations = [];"
                + "window.addEventListener('hashchange', e => window.__relayNavigations.push(e.newURL));");
        @SuppressWarnings("unchecked")
        Map<String, Number> bar = (Map<String, Number>) page.executeScript("""
                const element = document.querySelector('#relay-first-contact-source .relay-chart');
                const chart = echarts.getInstanceByDom(element);
                const data = chart.getModel().getSeriesByIndex(1).getData();
                const shape = data.getItemGraphicEl(data.count() - 1);
                const rect = shape.getBoundingRect().clone();
                if (shape.transform) { rect.applyTransform(shape.transform); }
                element.scrollIntoView({block: 'center'});
                return {x: rect.x + Math.max(rect.width, 4) / 2 - element.clientWidth / 2,
                        y: rect.y + rect.height / 2 - element.clientHeight / 2};""");
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector("#relay-first-contact-source .relay-chart canvas")),
                bar.get("x").intValue(), bar.get("y").intValue()).click().perform();
        String target = browser.waitUpTo(10).until(d -> {
            Object seen = ((JavascriptExecutor) d).executeScript("return window.__relayNavigations[0] || null;");
            return seen == null ? null : seen.toString();
        });
        Assertions.assertThat(target).contains("#/relay/referrals?report=speed&");
        Map<String, List<String>> params = org.springframework.web.util.UriComponentsBuilder
                .fromUri(URI.create("http://x" + target.substring(target.indexOf("#") + 1))).build().getQueryParams();
        Assertions.assertThat(params.get("measure")).containsExactly("notReachedWithinBusinessDay");
        Assertions.assertThat(params.get("source")).containsExactly(top.get("source").asText());
        Assertions.assertThat(URLDecoder.decode(params.get("title").get(0), StandardCharsets.UTF_8))
                .startsWith("Not reached within 1 business day: ");

        // the list it opened: exactly the channel's referrals not reached within a business day
        long expected = top.get("notReachedWithinBusinessDay").asLong();
        Assertions.assertThat(expected).isPositive();
        WebElement total = browser.visible(By.cssSelector(".relay-total"), 30);
        browser.waitUpTo(10).until(d -> total.getText().contains("referral"));
        browser.screenshot("cockpit-first-contact-not-reached");
        Assertions.assertThat(total.getText()).isEqualTo(expected == 1 ? "1 referral" : expected + " referrals");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("[data-relay-rendered=true] table tbody tr")))
                .hasSize((int) Math.min(expected, 50));
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(rest.withBasicAuth("jackie", "jackie").getForObject(path, String.class));
    }

    /** As the plugin rounds: Math.round(100 * part / whole) + '%'. */
    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
