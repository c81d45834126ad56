package org.relay.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The referral search at scale (mvn -Pbench verify -Dtest=ReferralSearchBenchmark): a million referrals whose
 * customers share 30 first and 30 last names, and one Kiara Thompson. Measured through GET /api/referrals?q= as a
 * manager (p50/p99 of 30 calls, page and X-Total-Count included) for a reference number, a name only one referral
 * has, a last name 33 000 referrals have, and the plan PostgreSQL picks for the name search.
 * Results: target/benchmarks/referral-search.md.
 */
@Tag("benchmark")
class ReferralSearchBenchmark extends RelayIntegrationTest {

    static final int ROWS = Integer.getInteger("relay.bench.rows", 1_000_000);
    static final int SAMPLES = 30;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void searching_a_million_referrals() throws Exception {
        long started = System.nanoTime();
        jdbc.update("""
                insert into referral (id, reference_number, kind, record_type, status, customer_type, customer_name,
                    customer_name_normalized, expressed_interest, source_channel, referrer_type, referrer_id,
                    referrer_name, owner_id, queue_id, lead_score, created_at, version)
                select 900000000 + g, 'S-' || g, 'REFERRAL', 'PERSON_REFERRAL',
                    (array['ASSIGNED','ACCEPTED','CONVERTED','CLOSED_LOST'])[1 + g % 4], 'PERSON', n, lower(n),
                    'MORTGAGE', 'COLLEAGUE', 'INTERNAL_USER', 'ryan', 'Ryan Walsh', 'alice',
                    (array['retail-lending','cards-and-loans','insurance'])[1 + g % 3], g % 100,
                    now() - (g % 700) * interval '1 day', 0
                from (select g, (array['Anna','Ben','Carla','David','Elena','Farid','Grace','Hugo','Ines','Jonas',
                        'Karin','Lars','Mona','Nils','Olga','Paul','Quinn','Rosa','Sven','Tara','Uma','Viktor','Wanda',
                        'Xavier','Yara','Zane','Aiko','Bruno','Chen','Dara'])[1 + g % 30] || ' ' ||
                      (array['Adams','Baker','Clark','Dunn','Evans','Fox','Gray','Hall','Irwin','James','King','Lopez',
                        'Moore','Nash','Owens','Price','Quist','Reed','Stone','Turner','Usher','Vance','Wells','Young',
                        'Zeller','Abbott','Burke','Cole','Doyle','Ellis'])[1 + (g / 30) % 30] as n
                      from generate_series(1, ?) g) names
                """, ROWS);
        jdbc.update("""
                insert into referral (id, reference_number, kind, record_type, status, customer_type, customer_name,
                    customer_name_normalized, expressed_interest, source_channel, referrer_type, referrer_id,
                    referrer_name, owner_id, queue_id, created_at, version)
                values (899999999, 'S-KIARA', 'REFERRAL', 'PERSON_REFERRAL', 'ASSIGNED', 'PERSON', 'Kiara Thompson',
                    'kiara thompson', 'MORTGAGE', 'COLLEAGUE', 'INTERNAL_USER', 'ryan', 'Ryan Walsh', 'alice',
                    'retail-lending', now(), 0)""");
        jdbc.execute("analyze referral");
        long loaded = (System.nanoTime() - started) / 1_000_000;

        StringBuilder result = new StringBuilder("# Referral search, " + ROWS + " referrals (loaded in " + loaded
                + " ms)\n\nGET /api/referrals?q= as jackie (manager of every queue), " + SAMPLES
                + " calls each, first page of 50 and X-Total-Count:\n\n| q | matches | p50 ms | p99 ms |\n| --- | --- | --- | --- |\n");
        for (String q : List.of("S-500000", "kiara", "Thompson", "Kiara Thomp", "wells")) {
            List<Long> times = new ArrayList<>();
            String total = null;
            for (int i = 0; i < SAMPLES + 3; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/referrals?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("jackie:jackie".getBytes()))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new AssertionError(q + ": " + answer.statusCode() + " " + answer.body());
                }
                total = answer.headers().firstValue("X-Total-Count").orElse("?");
                if (i >= 3) {
                    times.add((System.nanoTime() - t0) / 1_000);
                }
            }
            Collections.sort(times);
            result.append(String.format("| %s | %s | %.1f | %.1f |%n", q, total, times.get(SAMPLES / 2) / 1000.0,
                    times.get(SAMPLES - 1) / 1000.0));
        }
        result.append("\nPlan of the name search (`kiara`), as the API's query asks it:\n\n```\n");
        jdbc.queryForList("""
                explain (analyze, buffers) select * from referral r where r.status in
                  ('NEW','ASSIGNED','ACCEPTED','IN_PROGRESS','CONVERTED','CLOSED_LOST')
                  and (r.reference_number = 'KIARA' or r.customer_name_normalized like '%kiara%' escape '!')
                  and (r.queue_id in ('retail-lending','referral-managers') or r.owner_id = 'jackie'
                       or r.created_by = 'jackie' or r.referrer_id = 'jackie')
                order by r.created_at desc, r.id desc limit 50""", String.class)
                .forEach(line -> result.append(line).append('\n'));
        result.append("```\n");
        System.out.println(result);
        Path out = Path.of("target", "benchmarks", "referral-search.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }
}
