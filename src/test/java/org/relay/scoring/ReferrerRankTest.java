package org.relay.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/** A referrer's own score page and the leaderboard give the same rank: score, then conversions, then id. */
class ReferrerRankTest extends RelayIntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void the_score_page_ranks_as_the_leaderboard_does() throws Exception {
        standing("ryan", 70, 12);
        standing("ADV-123", 70, 9);    // same score, fewer conversions: after Ryan
        standing("P-1", 80, 3);
        standing("carlos", 70, 12);    // a tie in score and conversions: by id, so after carlos comes ryan

        JsonNode top = json.readTree(rest.getForObject("/api/referrers/top", String.class));
        Assertions.assertThat(top).extracting(r -> r.get("referrerId").asText() + "#" + r.get("rank").asInt())
                .containsExactly("P-1#1", "carlos#2", "ryan#3", "ADV-123#4");
        for (JsonNode row : top) {
            String id = row.get("referrerId").asText();
            JsonNode own = json.readTree(rest.getForObject("/api/referrers/" + id + "/score", String.class));
            Assertions.assertThat(own.get("rank").asInt()).as(id).isEqualTo(row.get("rank").asInt());
        }
        JsonNode asRyan = json.readTree(rest.withBasicAuth("ryan", "ryan").getForObject("/api/referrers/ryan/score", String.class));
        Assertions.assertThat(asRyan.get("rank").asInt()).isEqualTo(3);
    }

    private void standing(String id, int score, int converted) {
        jdbc.update("insert into referrer_standing (referrer_id, referrer_type, referrer_name, referrals_made, decided, "
                        + "converted, weighted_decided, weighted_converted, score, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, id.contains("-") ? "ADVOCATE" : "INTERNAL_USER", id, 40, 30, converted, 30.0, converted, score,
                Timestamp.from(Instant.now()));
    }
}
