package org.relay.analytics;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finding 6 of issue #24: the Cockpit dashboard plugin as Cockpit loads it escapes every value it puts into HTML.
 * ECharts inserts a tooltip formatter's string as HTML, so each formatter must build its text with the plugin's one
 * escape helper; nothing else in the plugin may write HTML. (BrowserJourneysTest runs it in Cockpit with a hostile
 * referrer name.)
 */
class DashboardPluginEscapingTest extends RelayIntegrationTest {

    private static final Pattern FORMATTER = Pattern.compile("formatter:\\s*(\\w+|\\([^)]*\\))\\s*=>");

    @Autowired
    TestRestTemplate rest;

    @Test
    void every_tooltip_goes_through_the_escape_helper_and_nothing_else_writes_html() {
        ResponseEntity<String> served = rest.getForEntity("/camunda/api/cockpit/plugin/" + RelayCockpitPlugin.ID
                + "/static/app/plugin.js", String.class);
        Assertions.assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        String plugin = served.getBody();

        Assertions.assertThat(plugin).contains("function escapeHtml(value)")
                .contains("'<': '&lt;'").contains("'>': '&gt;'").contains("'&': '&amp;'").contains("'\"': '&quot;'");
        Assertions.assertThat(plugin).doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write");

        List<String> tooltips = Arrays.stream(plugin.split("\n")).filter(line -> line.contains("tooltip:")).toList();
        Assertions.assertThat(tooltips).as("the charts' tooltips: funnel, SLA, referrers, steps, first contact").hasSize(5).allSatisfy(line ->
                Assertions.assertThat(line).as("a tooltip with its own formatter").containsPattern(FORMATTER));
        // each formatter's first statement is built by tip()/escapeHtml(), whatever it shows
        var formatters = FORMATTER.matcher(plugin);
        int count = 0;
        while (formatters.find()) {
            count++;
            String body = plugin.substring(formatters.end(), plugin.indexOf("},", formatters.end()));
            Assertions.assertThat(body).as("formatter %d", count).containsPattern("tip\\(|escapeHtml\\(");
            Assertions.assertThat(body).as("formatter %d", count).doesNotContainPattern("\\.name\\s*\\+");
        }
        Assertions.assertThat(count).isEqualTo(5);
    }
}
