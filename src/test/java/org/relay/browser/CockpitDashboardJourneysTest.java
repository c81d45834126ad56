package org.relay.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.relay.analytics.ReportRollups;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.scoring.ReferrerStandings;
import org.relay.support.RelayTestData;
import org.relay.synthetic.SyntheticHistoryWriter;
import org.relay.synthetic.SyntheticReferralHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finding 4 of issue #25, as a manager sees it: the Relay dashboard is the first thing on Cockpit's dashboard, the
 * funnel shows its rates, the SLA chart draws all four of its labels, and a click on the funnel's "Converted" opens
 * Relay's referral list for exactly the referrals that bar counts (finished ones: they are no process instances).
 */
class CockpitDashboardJourneysTest extends BrowserJourney {

    @Autowired
    SyntheticHistoryWriter writer;
    @Autowired
    ReferrerStandings standings;
    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ReportRollups rollups;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    /** Two months of decided referrals, three open ones, one of them reviewed (a step with a real duration). */
    @BeforeEach
    void aBankWithHistory() {
        Instant now = Instant.now();
        writer.write(SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(7, 120,
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(9)), org.relay.support.SyntheticBank.REFERRERS,
                Map.of("retail-lending", List.of("bob", "alice", "mike"), "cards-and-loans", List.of("carlos", "dana"),
                        "wealth-management", List.of("ryan", "wendy")), Duration.ofDays(180))));
        standings.refreshAll();
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        intake.create(RelayTestData.referral("Hal Handed", "MORTGAGE", "200000", "ryan"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult().getId(), Map.of("reviewDecision", "accept"));
        rollups.refresh();
    }

    @Test
    void the_dashboard_comes_first_shows_rates_and_every_label_and_converted_opens_exactly_its_referrals() throws Exception {
        browser.logIn(url("/camunda/app/cockpit/default/"), "jackie");
        WebElement dashboard = browser.visible(By.cssSelector(".relay-dashboard[data-relay-rendered=true]"), 40);
        JavascriptExecutor page = (JavascriptExecutor) browser.driver;
        browser.visible(By.cssSelector("section.actual"), 20);
        browser.screenshot("cockpit-dashboard");

        // above Camunda's own boxes ("Right now", "Deployed"), and the note says what a click does
        Number above = (Number) page.executeScript("""
                return document.querySelector('section.actual').getBoundingClientRect().top
                  - document.querySelector('.relay-dashboard').getBoundingClientRect().bottom;""");
        Assertions.assertThat(above.doubleValue()).as("Camunda's boxes start below the Relay dashboard").isGreaterThanOrEqualTo(0);
        Assertions.assertThat(dashboard.findElement(By.cssSelector(".relay-note")).getText())
                .contains("Click a bar to list its referrals, finished ones included");
        // funnel, SLA, referrers, steps, and first contact by channel and by recipient
        Assertions.assertThat(browser.driver.findElements(By.cssSelector(".relay-dashboard canvas"))).hasSize(6);

        // the SLA chart draws a label under each of its four bars (the labels ECharts lays out, not only its data)
        @SuppressWarnings("unchecked")
        List<String> slaLabels = (List<String>) page.executeScript("""
                const chart = echarts.getInstanceByDom(document.querySelector('#relay-sla .relay-chart'));
                const axis = chart.getModel().getComponent('xAxis', 0).axis;
                return axis.getViewLabels().map(label => label.formattedLabel.replace(/\\n/g, ' '));""");
        Assertions.assertThat(slaLabels).containsExactly("SLA breaches", "Escalated referrals", "Never followed up",
                "Acted on within 1 hour");

        // the funnel's rates: under the chart, and drawn beside each stage
        JsonNode funnel = read("/api/reports/funnel");
        long created = sum(funnel, "created");
        long accepted = sum(funnel, "accepted");
        long converted = sum(funnel, "converted");
        long lost = sum(funnel, "closedLost");
        Assertions.assertThat(browser.driver.findElement(By.cssSelector("#relay-funnel .relay-rates")).getText())
                .isEqualTo("Overall conversion " + percent(converted, created) + " of created · win rate "
                        + percent(converted, converted + lost) + " of decided");
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) page.executeScript("""
                const chart = echarts.getInstanceByDom(document.querySelector('#relay-funnel .relay-chart'));
                return chart.getZr().storage.getDisplayList().map(el => el.style && el.style.text).filter(Boolean);""");
        Assertions.assertThat(drawn).as("one text element per drawn line").containsSubsequence("Converted: " + converted,
                percent(converted, created) + " of created, " + percent(converted, accepted) + " of previous");

        // a real click on the "Converted" segment: Relay's referral list (the relay-referrals plugin) for that bar
        page.executeScript("window.__relayNavigations = [];"
                + "window.addEventListener('hashchange', e => window.__relayNavigations.push(e.newURL));");
        @SuppressWarnings("unchecked")
        Map<String, Number> segment = (Map<String, Number>) page.executeScript("""
                const element = document.querySelector('#relay-funnel .relay-chart');
                const chart = echarts.getInstanceByDom(element);
                const index = chart.getOption().series[0].data.findIndex(stage => stage.name === 'Converted');
                const shape = chart.getModel().getSeriesByIndex(0).getData().getItemGraphicEl(index);
                const rect = shape.getBoundingRect().clone();
                if (shape.transform) { rect.applyTransform(shape.transform); }
                element.scrollIntoView({block: 'center'});
                return {x: rect.x + rect.width / 2 - element.clientWidth / 2,
                        y: rect.y + rect.height / 2 - element.clientHeight / 2};""");
        new Actions(browser.driver).moveToElement(browser.driver.findElement(By.cssSelector("#relay-funnel .relay-chart canvas")),
                segment.get("x").intValue(), segment.get("y").intValue()).click().perform();
        String target = browser.waitUpTo(10).until(d -> {
            Object seen = ((JavascriptExecutor) d).executeScript("return window.__relayNavigations[0] || null;");
            return seen == null ? null : seen.toString();
        });
        browser.screenshot("cockpit-dashboard-converted-click");
        Assertions.assertThat(target).contains("/camunda/app/cockpit/default/#/relay/referrals?report=funnel&");
        var link = UriComponentsBuilder.fromUri(URI.create("http://x" + target.substring(target.indexOf("#") + 1))).build();
        Map<String, List<String>> params = link.getQueryParams();
        Assertions.assertThat(params.get("stage")).containsExactly("converted");
        Assertions.assertThat(params.get("from")).containsExactly(funnel.get("filter").get("from").asText());
        Assertions.assertThat(params.get("to")).containsExactly(funnel.get("filter").get("to").asText());
        Assertions.assertThat(java.net.URLDecoder.decode(params.get("title").get(0), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Converted referrals, created ");

        // what the list page reads (every parameter but report): exactly the bar's number
        UriComponentsBuilder endpoint = UriComponentsBuilder.fromPath("/api/reports/funnel/referrals");
        params.forEach((name, values) -> {
            if (!name.equals("report")) {
                values.forEach(value -> endpoint.queryParam(name, value));
            }
        });
        ResponseEntity<String> list = rest.withBasicAuth("jackie", "jackie")
                .getForEntity(endpoint.build(true).toUriString(), String.class);
        Assertions.assertThat(list.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(converted));
        Assertions.assertThat(converted).isPositive();

        // and the page the click opened says the same number, one row per referral
        WebElement total = browser.visible(By.cssSelector(".relay-total"), 30);
        browser.screenshot("cockpit-drill-down-converted");
        Assertions.assertThat(total.getText()).isEqualTo(converted == 1 ? "1 referral" : converted + " referrals");
        Assertions.assertThat(browser.driver.findElements(By.cssSelector("[data-relay-rendered=true] table tbody tr")))
                .hasSize((int) Math.min(converted, 50));   // the list's page size
    }

    private JsonNode read(String path) throws Exception {
        return json.readTree(rest.withBasicAuth("jackie", "jackie").getForObject(path, String.class));
    }

    private static long sum(JsonNode report, String key) {
        long sum = 0;
        for (JsonNode row : report.get("rows")) {
            sum += row.get(key).asLong();
        }
        return sum;
    }

    /** As the plugin rounds: Math.round(100 * part / whole) + '%'. */
    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }

}
