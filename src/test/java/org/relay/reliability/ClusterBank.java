package org.relay.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The small bank the multi-node tests and benchmarks run against, set up through a node's public APIs: one
 * retail-lending queue with two recipients (alice, bob), a manager (jackie) and a referrer (ryan).
 */
final class ClusterBank {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    void open(RelayNode node, int capacity) throws Exception {
        for (String group : List.of("retail-lending", "referral-managers")) {
            expect(asAdmin(node, "POST", "/engine-rest/group/create", "{\"id\":\"" + group + "\",\"name\":\"" + group
                    + "\",\"type\":\"WORKFLOW\"}"), 204);
        }
        for (String user : List.of("alice", "bob", "jackie", "ryan")) {
            expect(asAdmin(node, "POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\""
                    + user + "\",\"lastName\":\"Test\",\"email\":\"" + user + "@relay.example\"},\"credentials\":{\"password\":\""
                    + password(user) + "\"}}"), 204);
        }
        for (String[] membership : new String[][]{{"retail-lending", "alice"}, {"retail-lending", "bob"},
                {"referral-managers", "jackie"}}) {
            expect(asAdmin(node, "PUT", "/engine-rest/group/" + membership[0] + "/members/" + membership[1], ""), 204);
        }
        expect(asAdmin(node, "PUT", "/api/queues/retail-lending",
                "{\"managerGroupId\":\"referral-managers\",\"lineOfBusiness\":\"retail-banking\"}"), 200);
        for (String recipient : List.of("alice", "bob")) {
            expect(asAdmin(node, "PUT", "/api/recipients/" + recipient, "{\"capacity\":" + capacity
                    + ",\"absent\":false,\"active\":true}"), 200);
        }
    }

    /** Camunda's password policy (on in production) also refuses passwords containing the user's id or names. */
    static String password(String user) {
        return "Relay#2026-" + Integer.toHexString(user.hashCode());
    }

    /** Ryan refers customer n, who wants a mortgage. */
    HttpResponse<String> createReferral(RelayNode node, int n) throws IOException, InterruptedException {
        String body = """
                {"kind": "REFERRAL", "recordType": "PERSON_REFERRAL",
                 "customer": {"type": "PERSON", "name": "Cluster Customer %d", "email": "cluster%d@mail.example",
                              "city": "Springfield", "region": "Central"},
                 "expressedInterest": "MORTGAGE", "interestValue": {"amount": 250000, "currency": "USD"},
                 "sourceChannel": "COLLEAGUE", "referrer": {"type": "INTERNAL_USER", "id": "ryan"}}
                """.formatted(n, n);
        return send(node, "POST", "/api/referrals", body, "ryan", password("ryan"));
    }

    HttpResponse<String> asAdmin(RelayNode node, String method, String path, String body)
            throws IOException, InterruptedException {
        return send(node, method, path, body, RelayNode.ADMIN, RelayNode.ADMIN_PASSWORD);
    }

    HttpResponse<String> send(RelayNode node, String method, String path, String body, String user, String password)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A BPMN file deployed through /engine-rest (multipart, as the Modeler does). */
    void deploy(RelayNode node, String fileName, String bpmn) throws IOException, InterruptedException {
        String boundary = "relay-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + fileName
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (RelayNode.ADMIN + ":" + RelayNode.ADMIN_PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        expect(response, 200);
    }

    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.uri() + " answered " + response.statusCode() + ", expected " + status
                    + ": " + response.body());
        }
    }
}
