package org.relay.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.ComplianceOfficer;
import org.relay.support.Operator;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.relay.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static org.relay.security.AuthorizationMatrixTest.Role.*;

/**
 * Who may see and do what with one referral, on every surface a person or a program can reach: Relay's API, the
 * engine's REST API behind Tasklist and Cockpit (HTTP Basic), and the webapps' own engine API (a Cockpit session).
 * Kiara's mortgage, referred by Ryan, waits for review by its owner Alice in retail lending; Jackie manages that
 * queue, Nina manages insurance only. For each role and surface the test asserts whether the call gets past the
 * access rules (anything but 401/403/404, and for a list a non-empty answer), and that no answer to a role that may
 * not see the referral in Relay carries its customer's name, email or phone. The engine itself holds none of them
 * outside the task's list columns (tasklist/ShowInTaskList), which only those who may read the task read.
 * docs/operations.md has the same model as a table.
 */
class AuthorizationMatrixTest extends RelayIntegrationTest {

    enum Role {
        ANONYMOUS(null, null), OTHER_QUEUE("carlos", "carlos"), REFERRER("ryan", "ryan"), QUEUE_MEMBER("bob", "bob"),
        OWNER("alice", "alice"), QUEUE_MANAGER("jackie", "jackie"), OTHER_MANAGER("nina", "Insurance-Manager-4"),
        COMPLIANCE(ComplianceOfficer.USER, ComplianceOfficer.PASSWORD), ADMIN("demo", "demo"),
        OPERATOR(Operator.USER, Operator.PASSWORD);

        final String user;
        final String password;

        Role(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    /** Who may see the referral in Relay (GET /api/referrals/{ref}); everyone else must learn nothing of it. */
    private static final Set<Role> SEE_IN_RELAY = EnumSet.of(REFERRER, QUEUE_MEMBER, OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN);
    private static final Set<Role> ACT_IN_RELAY = EnumSet.of(OWNER, QUEUE_MANAGER, ADMIN);
    private static final Set<Role> TASK_READERS = EnumSet.of(QUEUE_MEMBER, OWNER, ADMIN);
    private static final Set<Role> INSTANCE_READERS = EnumSet.of(QUEUE_MANAGER, ADMIN);
    private static final Set<Role> ONLY_ADMIN = EnumSet.of(ADMIN);
    private static final Set<Role> NOBODY = EnumSet.noneOf(Role.class);

    private static final String INSURANCE_MANAGERS = "insurance-managers";

    @Autowired
    ReferralIntake intake;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One referral, where it stands in the engine. */
    record Fixture(String ref, String instance, String task, String job) {
    }

    /** A surface: a request made as a role, and the roles whose request gets past the access rules. */
    record Surface(String name, BiFunction<Fixture, String, HttpRequest.Builder> request, Set<Role> passes) {
    }

    @BeforeEach
    void ninaManagesInsurance() throws Exception {
        ComplianceOfficer.ensure(identityService);
        Operator.ensure(identityService);
        if (identityService.createGroupQuery().groupId(INSURANCE_MANAGERS).count() == 0) {
            var group = identityService.newGroup(INSURANCE_MANAGERS);
            group.setName("Insurance managers");
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(OTHER_MANAGER.user).count() == 0) {
            var nina = identityService.newUser(OTHER_MANAGER.user);
            nina.setFirstName("Nina");
            nina.setLastName("Berg");
            nina.setPassword(OTHER_MANAGER.password);
            identityService.saveUser(nina);
            identityService.createMembership(OTHER_MANAGER.user, INSURANCE_MANAGERS);
        }
        managedBy(INSURANCE_MANAGERS);   // as an administrator does it: the group gets Cockpit
    }

    @AfterEach
    void insuranceBackToTheReferralManagers() throws Exception {
        managedBy("referral-managers");
    }

    private void managedBy(String managers) throws Exception {
        HttpResponse<String> answer = http.send(as(ADMIN, put("/api/queues/insurance",
                "{\"managerGroupId\":\"" + managers + "\",\"lineOfBusiness\":\"insurance\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void every_role_on_every_surface_sees_and_does_at_most_what_relays_rules_allow() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        Assertions.assertThat(kiara.getOwnerId()).isEqualTo("alice");
        String instance = kiara.getProcessInstanceId();
        runtimeService.createIncident("relayMatrixProbe", taskService.createTaskQuery().processInstanceId(instance)
                .singleResult().getExecutionId(), "probe", "an operator's attention needed");
        Fixture f = new Fixture(kiara.getReferenceNumber(), instance,
                taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                managementService.createJobQuery().processInstanceId(instance).list().get(0).getId());

        List<String> wrong = new ArrayList<>();
        StringBuilder matrix = new StringBuilder();
        for (Surface surface : surfaces()) {
            matrix.append(String.format("%-58s", surface.name()));
            for (Role role : Role.values()) {
                HttpResponse<String> answer = http.send(as(role, surface.request().apply(f, role.user == null ? "nobody" : role.user)).build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean passed = passes(answer);
                matrix.append(String.format(" %-14s", role.name().toLowerCase() + ":" + answer.statusCode()
                        + (passed ? "+" : "-")));
                if (passed != surface.passes().contains(role)) {
                    wrong.add(surface.name() + " as " + role + ": " + answer.statusCode() + " " + abbreviate(answer.body()));
                }
                if (!SEE_IN_RELAY.contains(role) && carriesTheCustomer(answer.body())) {
                    wrong.add(surface.name() + " as " + role + " shows the customer: " + abbreviate(answer.body()));
                }
            }
            matrix.append('\n');
        }
        runtimeService.activateProcessInstanceById(instance);   // the suspension probe's
        System.out.println(matrix);
        Assertions.assertThat(wrong).as("the authorization matrix:\n" + matrix).isEmpty();

        // the one copy of the truth: nothing in the process instance's variables or its history names the customer,
        // whoever asks (the administrator included); only the review task's list columns do
        for (String path : List.of("/engine-rest/process-instance/" + instance + "/variables",
                "/engine-rest/history/variable-instance?processInstanceId=" + instance + "&deserializeValues=false",
                "/engine-rest/history/detail?processInstanceId=" + instance)) {
            String body = http.send(as(ADMIN, get(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
            Assertions.assertThat(withoutListColumns(body)).as(path).doesNotContain("Thompson", "kiara.thompson", "555 0101");
        }
    }

    @Test
    void a_reviewers_note_goes_to_the_referrals_timeline_not_to_the_engine() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        HttpResponse<String> rejected = http.send(as(OWNER, post("/api/referrals/" + kiara.getReferenceNumber() + "/review",
                "{\"decision\":\"REJECT\",\"rejectReason\":\"AT_CAPACITY\",\"note\":\"Booked solid until January\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Assertions.assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

        Assertions.assertThat(http.send(as(OWNER, get("/api/referrals/" + kiara.getReferenceNumber())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("Booked solid until January");
        // the decision's reason is history (a variable, removed once recorded); the note never was in the engine
        Assertions.assertThat(http.send(as(ADMIN, get("/engine-rest/history/variable-instance?includeDeleted=true&processInstanceId="
                + kiara.getProcessInstanceId())).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("AT_CAPACITY").doesNotContain("Booked solid");
    }

    @Test
    void a_lifecycles_grant_to_its_managers_goes_with_it() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        var grants = processEngine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
                .resourceId(kiara.getProcessInstanceId());
        Assertions.assertThat(grants.list()).extracting(grant -> grant.getGroupId()).containsExactly("referral-managers");

        runtimeService.deleteProcessInstance(kiara.getProcessInstanceId(), "ended");   // the engine ends its grants too
        Assertions.assertThat(grants.count()).isZero();
    }

    @Test
    void nobody_attaches_a_second_lifecycle_to_a_referral_not_even_an_administrator_through_the_engine() throws Exception {
        Referral ivans = intake.create(RelayTestData.referral("Ines Larsen", "INSURANCE", "2000", "ryan"));
        String forged = "{\"businessKey\":\"REF-999999\",\"variables\":{\"referralId\":{\"value\":" + ivans.getId()
                + ",\"type\":\"Long\"},\"expressedInterest\":{\"value\":\"CREDIT_CARD\"}}}";

        for (Role role : List.of(OTHER_QUEUE, ADMIN)) {
            HttpResponse<String> answer = http.send(as(role, post(
                    "/engine-rest/process-definition/key/ReferralLifecycleProcess/start", forged)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Assertions.assertThat(answer.statusCode()).as(role + ": " + answer.body()).isIn(400, 403);
        }

        Referral after = data.reload(ivans);
        Assertions.assertThat(after.getQueueId()).isEqualTo(ivans.getQueueId());
        Assertions.assertThat(after.getOwnerId()).isEqualTo(ivans.getOwnerId());
        Assertions.assertThat(after.getProcessInstanceId()).isEqualTo(ivans.getProcessInstanceId());
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ReferralLifecycleProcess")
                .count()).isEqualTo(1);
    }

    @Test
    void a_manager_sees_in_cockpit_the_lifecycles_of_the_queues_they_manage_and_no_others() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());                          // retail lending: Jackie
        Referral insurance = intake.create(RelayTestData.referral("Ines Larsen", "INSURANCE", "2000", "ryan")); // Nina
        String engineApi = "/camunda/api/engine/engine/default/";
        String lifecycle = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("ReferralLifecycleProcess").latestVersion().singleResult().getId();

        WebappSession jackie = signedIn(QUEUE_MANAGER);
        WebappSession nina = signedIn(OTHER_MANAGER);
        String instances = engineApi + "process-instance?processDefinitionKey=ReferralLifecycleProcess";
        Assertions.assertThat(read(jackie, instances)).contains(kiara.getProcessInstanceId())
                .doesNotContain(insurance.getProcessInstanceId());
        Assertions.assertThat(read(nina, instances)).contains(insurance.getProcessInstanceId())
                .doesNotContain(kiara.getProcessInstanceId());
        // Cockpit's own plugin API (the definition page's instance list) filters the same way
        HttpResponse<String> cockpitList = nina.post("/camunda/api/cockpit/plugin/base/default/process-instance",
                "{\"processDefinitionId\":\"" + lifecycle + "\"}");
        Assertions.assertThat(cockpitList.body()).contains(insurance.getProcessInstanceId())
                .doesNotContain(kiara.getProcessInstanceId());
        // where it waits, without the customer
        Assertions.assertThat(read(nina, engineApi + "process-instance/" + insurance.getProcessInstanceId()
                + "/activity-instances")).contains("Task_ReviewReferral").doesNotContain("Ines Larsen");
        Assertions.assertThat(nina.get(engineApi + "process-instance/" + kiara.getProcessInstanceId()
                + "/activity-instances").statusCode()).isIn(403, 404);

        // Tasklist's session: the owner reads her task's form variables, another queue's recipient does not
        String task = taskService.createTaskQuery().processInstanceId(kiara.getProcessInstanceId()).singleResult().getId();
        String formVariables = engineApi + "task/" + task + "/form-variables";
        Assertions.assertThat(read(signedIn(OWNER), formVariables)).contains("Kiara Thompson");
        HttpResponse<String> carlos = signedIn(OTHER_QUEUE).get(formVariables);
        Assertions.assertThat(carlos.statusCode()).isIn(403, 404);
        Assertions.assertThat(carlos.body()).doesNotContain("Kiara");
    }

    @Test
    void cockpit_offers_a_lifecycles_engine_writes_only_to_whom_the_engine_lets_write() throws Exception {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        // what the relay-read-only Cockpit plugin asks before showing variable edits, cancel, suspend and retry
        String check = "/camunda/api/engine/engine/default/authorization/check?permissionName=UPDATE"
                + "&resourceName=ProcessInstance&resourceType=8&resourceId=" + kiara.getProcessInstanceId();
        Assertions.assertThat(read(signedIn(QUEUE_MANAGER), check)).contains("\"authorized\":false");
        Assertions.assertThat(read(signedIn(ADMIN), check)).contains("\"authorized\":true");
    }

    private WebappSession signedIn(Role role) throws Exception {
        return WebappSession.logIn(port, role.user, role.password);
    }

    private static String read(WebappSession session, String path) throws Exception {
        HttpResponse<String> answer = session.get(path);
        Assertions.assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private List<Surface> surfaces() {
        return List.of(
                // Relay's API
                new Surface("GET /api/referrals/{ref}", (f, u) -> get("/api/referrals/" + f.ref()), SEE_IN_RELAY),
                new Surface("GET /api/referrals (list)", (f, u) -> get("/api/referrals?size=200"), SEE_IN_RELAY),
                new Surface("GET /referrals/{ref}/task (mail link)", (f, u) -> get("/referrals/" + f.ref() + "/task"), SEE_IN_RELAY),
                new Surface("POST /api/referrals/{ref}/activities", (f, u) -> post("/api/referrals/" + f.ref() + "/activities",
                        "{\"type\":\"NOTE\",\"subject\":\"Matrix probe\",\"recordedBy\":\"" + u + "\"}"), ACT_IN_RELAY),
                new Surface("GET /api/referrals/{ref}/activities", (f, u) -> get("/api/referrals/" + f.ref() + "/activities"),
                        EnumSet.of(OWNER, QUEUE_MEMBER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                new Surface("POST /api/referrals/{ref}/keep-both", (f, u) -> post("/api/referrals/" + f.ref() + "/keep-both",
                        "{\"requestedBy\":\"" + u + "\"}"),
                        ACT_IN_RELAY),
                new Surface("POST /api/referrals/{ref}/sla-replan", (f, u) -> post("/api/referrals/" + f.ref() + "/sla-replan",
                        "{\"requestedBy\":\"" + u + "\"}"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("POST /api/referrals/{ref}/reopen (409: it is open)",
                        (f, u) -> post("/api/referrals/" + f.ref() + "/reopen",
                                "{\"requestedBy\":\"" + u + "\",\"reason\":\"Matrix probe\"}"), ACT_IN_RELAY),
                new Surface("GET /api/users/{owner}/open-referrals", (f, u) -> get("/api/users/alice/open-referrals"),
                        EnumSet.of(OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                new Surface("GET /api/queues/{queue}/open-referrals",
                        (f, u) -> get("/api/queues/retail-lending/open-referrals"),
                        EnumSet.of(QUEUE_MEMBER, OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                new Surface("GET /forms/review-referral.html (the form, no data)",
                        (f, u) -> get("/forms/review-referral.html"), EnumSet.allOf(Role.class)),
                new Surface("GET /api/queues/{queue}/members (colleagues' names)",
                        (f, u) -> get("/api/queues/retail-lending/members"), EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("GET /api/reports/funnel?queue={queue}", (f, u) -> get("/api/reports/funnel?queue=retail-lending"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/audit?referral={ref}", (f, u) -> get("/api/audit?referral=" + f.ref()),
                        EnumSet.of(COMPLIANCE, ADMIN)),
                // the engine REST API, as Tasklist reads it
                new Surface("GET /engine-rest/task?processInstanceBusinessKey",
                        (f, u) -> get("/engine-rest/task?processInstanceBusinessKey=" + f.ref()), TASK_READERS),
                new Surface("GET /engine-rest/task/{id}", (f, u) -> get("/engine-rest/task/" + f.task()), TASK_READERS),
                new Surface("GET /engine-rest/task/{id}/variables", (f, u) -> get("/engine-rest/task/" + f.task() + "/variables"),
                        TASK_READERS),
                new Surface("GET /engine-rest/task/{id}/form-variables",
                        (f, u) -> get("/engine-rest/task/" + f.task() + "/form-variables"), TASK_READERS),
                new Surface("GET /engine-rest/task/{id}/form", (f, u) -> get("/engine-rest/task/" + f.task() + "/form"), TASK_READERS),
                // ... as Cockpit reads it
                new Surface("GET /engine-rest/process-instance/{id}", (f, u) -> get("/engine-rest/process-instance/" + f.instance()),
                        INSTANCE_READERS),
                new Surface("GET /engine-rest/process-instance/{id}/variables",
                        (f, u) -> get("/engine-rest/process-instance/" + f.instance() + "/variables"), INSTANCE_READERS),
                new Surface("GET /engine-rest/process-instance/{id}/activity-instances",
                        (f, u) -> get("/engine-rest/process-instance/" + f.instance() + "/activity-instances"), INSTANCE_READERS),
                new Surface("GET /engine-rest/variable-instance?processInstanceIdIn",
                        (f, u) -> get("/engine-rest/variable-instance?processInstanceIdIn=" + f.instance()),
                        EnumSet.of(QUEUE_MEMBER, OWNER, QUEUE_MANAGER, ADMIN)),
                new Surface("GET /engine-rest/execution?processInstanceId",
                        (f, u) -> get("/engine-rest/execution?processInstanceId=" + f.instance()), INSTANCE_READERS),
                new Surface("GET /engine-rest/job?processInstanceId",
                        (f, u) -> get("/engine-rest/job?processInstanceId=" + f.instance()), INSTANCE_READERS),
                new Surface("GET /engine-rest/incident?processInstanceId",
                        (f, u) -> get("/engine-rest/incident?processInstanceId=" + f.instance()), INSTANCE_READERS),
                new Surface("GET /engine-rest/history/process-instance?businessKey",
                        (f, u) -> get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + f.ref()), ONLY_ADMIN),
                new Surface("GET /engine-rest/history/variable-instance",
                        (f, u) -> get("/engine-rest/history/variable-instance?processInstanceId=" + f.instance()), ONLY_ADMIN),
                // no /engine-rest/history/detail row: the engine writes no variable-write details (LeanHistory,
                // LeanLifecycleTest), so that list is empty whoever asks
                new Surface("GET /engine-rest/history/task",
                        (f, u) -> get("/engine-rest/history/task?processInstanceId=" + f.instance()), ONLY_ADMIN),
                new Surface("GET /engine-rest/history/activity-instance",
                        (f, u) -> get("/engine-rest/history/activity-instance?processInstanceId=" + f.instance()), ONLY_ADMIN),
                // engine writes: none for staff or managers; the administrator's pass the access check (and the lifecycle's
                // own guard still refuses a second start)
                new Surface("POST …/ReferralLifecycleProcess/start (finding 1)",
                        (f, u) -> post("/engine-rest/process-definition/key/ReferralLifecycleProcess/start",
                                "{\"variables\":{\"referralId\":{\"value\":" + kiaraId(f) + ",\"type\":\"Long\"}}}"), ONLY_ADMIN),
                new Surface("POST …/ReferralLifecycleProcess/submit-form",
                        (f, u) -> post("/engine-rest/process-definition/key/ReferralLifecycleProcess/submit-form",
                                "{\"variables\":{\"referralId\":{\"value\":" + kiaraId(f) + ",\"type\":\"Long\"}}}"),
                        ONLY_ADMIN),
                new Surface("POST /engine-rest/process-instance/{id}/variables",
                        (f, u) -> post("/engine-rest/process-instance/" + f.instance() + "/variables",
                                "{\"modifications\":{\"matrixProbe\":{\"value\":\"x\",\"type\":\"String\"}}}"), ONLY_ADMIN),
                new Surface("PUT /engine-rest/job/{id}/duedate", (f, u) -> put("/engine-rest/job/" + f.job() + "/duedate",
                        "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}"), ONLY_ADMIN),
                new Surface("POST /engine-rest/message", (f, u) -> post("/engine-rest/message",
                        "{\"messageName\":\"ReferralReassigned\",\"processInstanceId\":\"" + f.instance() + "\"}"), NOBODY),
                new Surface("POST /engine-rest/process-instance/{id}/modification",
                        (f, u) -> post("/engine-rest/process-instance/" + f.instance() + "/modification",
                                "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_NoSuchTask\"}]}"), ONLY_ADMIN),
                new Surface("POST /engine-rest/task/{id}/assignee", (f, u) -> post("/engine-rest/task/" + f.task() + "/assignee",
                        "{\"userId\":\"alice\"}"), ONLY_ADMIN),
                new Surface("POST /engine-rest/task/{id}/complete (no decision)",
                        (f, u) -> post("/engine-rest/task/" + f.task() + "/complete",
                                "{\"variables\":{\"reviewDecision\":{\"value\":\"none\"}}}"), EnumSet.of(OWNER, ADMIN)),
                new Surface("POST /engine-rest/task/{id}/identity-links", (f, u) -> post("/engine-rest/task/" + f.task()
                        + "/identity-links", "{\"groupId\":\"retail-lending\",\"type\":\"candidate\"}"), ONLY_ADMIN),
                new Surface("PUT /engine-rest/process-instance/{id}/suspended",
                        (f, u) -> put("/engine-rest/process-instance/" + f.instance() + "/suspended", "{\"suspended\":true}"),
                        ONLY_ADMIN),
                // the dashboard's drill-downs: the reports' readers, each in the queues they manage (Nina: none of it)
                new Surface("GET /api/reports/funnel/referrals?stage=created",
                        (f, u) -> get("/api/reports/funnel/referrals?stage=created"), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/reports/funnel/referrals?stage=assigned&queue={queue}",
                        (f, u) -> get("/api/reports/funnel/referrals?stage=assigned&queue=retail-lending"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/reports/referrers/referrals?referrer=ryan",
                        (f, u) -> get("/api/reports/referrers/referrals?referrer=ryan"), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                // Referrals I sent: always the caller's own list (only Ryan referred Kiara); the standing follows seeing
                new Surface("GET /api/referrals/sent (the caller's own)", (f, u) -> get("/api/referrals/sent"),
                        EnumSet.of(REFERRER)),
                new Surface("GET /api/referrals/{ref}/standing", (f, u) -> get("/api/referrals/" + f.ref() + "/standing"),
                        SEE_IN_RELAY),
                new Surface("GET /referrals/sent (page, the caller's own)", (f, u) -> get("/referrals/sent"),
                        EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                // Cockpit's Referrals pages (relay-referrals plugin): its search, the names it shows, its code
                new Surface("GET /api/referrals?q={customer} (search)", (f, u) -> get("/api/referrals?q=Kiara"), SEE_IN_RELAY),
                new Surface("GET /api/referrals?q={ref} (search)", (f, u) -> get("/api/referrals?q=" + f.ref()), SEE_IN_RELAY),
                new Surface("GET /api/users?id={owner} (colleagues' names)", (f, u) -> get("/api/users?id=alice"),
                        EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("GET …/plugin/relay-referrals/static/app/plugin.js (code, no data)",
                        (f, u) -> get("/camunda/api/cockpit/plugin/relay-referrals/static/app/plugin.js"),
                        EnumSet.allOf(Role.class)),
                new Surface("GET …/plugin/relay-read-only/static/app/plugin.js (code, no data)",
                        (f, u) -> get("/camunda/api/cockpit/plugin/relay-read-only/static/app/plugin.js"),
                        EnumSet.allOf(Role.class)),
                // the customer records behind Kiara (as a conversion links them): her owner, its managers, compliance
                new Surface("GET /api/accounts/{id}", (f, u) -> get("/api/accounts/" + customerRecords(f)[0]),
                        EnumSet.of(OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                new Surface("GET /api/contacts/{id}", (f, u) -> get("/api/contacts/" + customerRecords(f)[1]),
                        EnumSet.of(OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                new Surface("GET /api/households/{id}", (f, u) -> get("/api/households/" + customerRecords(f)[2]),
                        EnumSet.of(OWNER, QUEUE_MANAGER, COMPLIANCE, ADMIN)),
                // the API's description (no data: anyone, like health) and monitoring (relay-operators, administrators)
                new Surface("GET /v3/api-docs (description, no data)", (f, u) -> get("/v3/api-docs"),
                        EnumSet.allOf(Role.class)),
                new Surface("GET /swagger-ui/index.html (description, no data)", (f, u) -> get("/swagger-ui/index.html"),
                        EnumSet.allOf(Role.class)),
                new Surface("GET /actuator/prometheus", (f, u) -> get("/actuator/prometheus"), EnumSet.of(OPERATOR, ADMIN)),
                new Surface("GET /actuator/metrics", (f, u) -> get("/actuator/metrics"), EnumSet.of(OPERATOR, ADMIN)),
                new Surface("GET /actuator/health (unchanged: anyone)", (f, u) -> get("/actuator/health"),
                        EnumSet.allOf(Role.class)),
                // the customer's status page: the link's token is the only key, whoever holds it (HEAD: the page greets
                // the customer by first name, which the holder of her link may read); any other token opens nothing
                new Surface("HEAD /public/status/{customer's token}",
                        (f, u) -> get("/public/status/" + customerLink(f)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                        EnumSet.allOf(Role.class)),
                new Surface("GET /public/status/{unknown token}",
                        (f, u) -> get("/public/status/" + "A".repeat(43)), NOBODY),
                new Surface("GET /api/referrals/{ref}/customer-links", (f, u) -> get("/api/referrals/" + f.ref()
                        + "/customer-links"), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("DELETE /api/referrals/{ref}/customer-links (revoke)", (f, u) -> get("/api/referrals/"
                        + f.ref() + "/customer-links").DELETE(), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                // referrers hear back (issue #28): each colleague their own preference; an advocate's for managers
                new Surface("GET /api/me/referrer-preferences (the caller's own)", (f, u) -> get("/api/me/referrer-preferences"),
                        EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("PUT /api/me/referrer-preferences (the caller's own)", (f, u) -> put("/api/me/referrer-preferences",
                        "{\"mode\":\"EVERY_EVENT\"}"), EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("GET /api/advocates/{code}/referrer-preferences", (f, u) -> get("/api/advocates/"
                        + matrixAdvocate() + "/referrer-preferences"), EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("PUT /api/advocates/{code}/referrer-preferences", (f, u) -> put("/api/advocates/"
                        + matrixAdvocate() + "/referrer-preferences", "{\"mode\":\"EVERY_EVENT\"}"),
                        EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("GET /referrals/sent?ref={ref} (page, only the referrer's own)",
                        (f, u) -> get("/referrals/sent?ref=" + f.ref()), EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("POST /referrals/sent/preferences without the page's CSRF token",
                        (f, u) -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/referrals/sent/preferences"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("mode=DAILY_DIGEST")), NOBODY),
                // the speed report's first contact per recipient: Kiara, not yet contacted, waits on Alice
                new Surface("GET /api/reports/speed/referrals?measure=notReachedWithinHour&recipient={owner}",
                        (f, u) -> get("/api/reports/speed/referrals?measure=notReachedWithinHour&recipient=alice"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                // meetings (org.relay.meeting): anyone who sees the referral reads them; those who may act offer times
                // (409 here: Alice has not accepted yet) and cancel; the customer's page needs its CSRF token
                new Surface("GET /api/referrals/{ref}/meetings", (f, u) -> get("/api/referrals/" + f.ref() + "/meetings"),
                        SEE_IN_RELAY),
                new Surface("PUT /api/referrals/{ref}/meeting-offers (409: not accepted yet)",
                        (f, u) -> put("/api/referrals/" + f.ref() + "/meeting-offers", "{\"times\":[]}"), ACT_IN_RELAY),
                new Surface("DELETE /api/referrals/{ref}/meetings/{id} (cancel)", (f, u) -> get("/api/referrals/"
                        + f.ref() + "/meetings/" + meeting(f)).DELETE(), ACT_IN_RELAY),
                new Surface("POST /public/status/{token}/meeting without the page's CSRF token",
                        (f, u) -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/status/"
                                + customerLink(f) + "/meeting")).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("slot=2030-01-07T14%3A00%3A00Z")), NOBODY),
                // closing the loop (issue #28): a fresh customer link (409 here: Kiara did not ask for updates); an
                // advocate's signed links for managers (409 on re-issue: no email); the advocate's page by its token only
                new Surface("POST /api/referrals/{ref}/customer-links (send a new link; 409: no consent)",
                        (f, u) -> get("/api/referrals/" + f.ref() + "/customer-links").POST(HttpRequest.BodyPublishers.noBody()),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/advocates/{code}/view-links", (f, u) -> get("/api/advocates/" + matrixAdvocate()
                        + "/view-links"), EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("DELETE /api/advocates/{code}/view-links (revoke)", (f, u) -> get("/api/advocates/"
                        + matrixAdvocate() + "/view-links").DELETE(), EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("POST /api/advocates/{code}/view-links (re-issue; 409: no email)", (f, u) -> get("/api/advocates/"
                        + matrixAdvocate() + "/view-links").POST(HttpRequest.BodyPublishers.noBody()),
                        EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("HEAD /public/referrals/{advocate's token}",
                        (f, u) -> get("/public/referrals/" + advocateLink()).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                        EnumSet.allOf(Role.class)),
                new Surface("GET /public/referrals/{unknown token}",
                        (f, u) -> get("/public/referrals/" + "A".repeat(43)), NOBODY),
                // the webapps' locale files: Camunda's chrome and Relay's texts, no data; the sign-in page needs them
                new Surface("GET /camunda/app/tasklist/locales/fr.json",
                        (f, u) -> get("/camunda/app/tasklist/locales/fr.json"), EnumSet.allOf(Role.class)),
                // referral rewards (issue #29): a referrer's own rewards for them and the programme's managers
                // (referral-managers: Jackie, not Nina) and administrators; the ledger, reports and payouts for those managers
                new Surface("GET /api/referrers/{referrer}/rewards", (f, u) -> get("/api/referrers/ryan/rewards"),
                        EnumSet.of(REFERRER, QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/rewards (ledger; 400: limit 0)", (f, u) -> get("/api/rewards?limit=0"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/rewards/reports/branch", (f, u) -> get("/api/rewards/reports/branch"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("POST /api/rewards/payouts (409: nothing payable)", (f, u) -> post("/api/rewards/payouts", "{}"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/rewards/texts (the form's words, no data)", (f, u) -> get("/api/rewards/texts"),
                        EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("GET /forms/approve-reward.html (the form, no data)",
                        (f, u) -> get("/forms/approve-reward.html"), EnumSet.allOf(Role.class)),
                // languages (issue #30): each colleague reads and sets only their own (null: back to the default);
                // the public form in another language is as public as the form
                new Surface("GET /api/me/language (the caller's own)", (f, u) -> get("/api/me/language"),
                        EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("PUT /api/me/language (the caller's own)", (f, u) -> put("/api/me/language",
                        "{\"language\":null}"), EnumSet.complementOf(EnumSet.of(ANONYMOUS))),
                new Surface("GET /public/lead?lang=fr (the public form in French)", (f, u) -> get("/public/lead?lang=fr"),
                        EnumSet.allOf(Role.class)),
                // a reward waiting for a manager (issue #29): its Tasklist task reaches the programme's managers only
                new Surface("GET /engine-rest/task/{reward approval task}",
                        (f, u) -> get("/engine-rest/task/" + rewardTask()), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /engine-rest/task/{reward approval task}/form-variables",
                        (f, u) -> get("/engine-rest/task/" + rewardTask() + "/form-variables"), EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/rewards/{reward}", (f, u) -> get("/api/rewards/" + rewardReference()),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("GET /api/rewards/totals (the dashboard card)", (f, u) -> get("/api/rewards/totals"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                new Surface("POST /api/rewards/{reward}/decision (400: a rejection needs its reason)",
                        (f, u) -> post("/api/rewards/" + rewardReference() + "/decision", "{\"decision\":\"REJECT\"}"),
                        EnumSet.of(QUEUE_MANAGER, ADMIN)),
                // an advocate's language (their mails and page): the managers who look after advocates, administrators
                new Surface("GET /api/advocates/{code}/language", (f, u) -> get("/api/advocates/" + matrixAdvocate()
                        + "/language"), EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)),
                new Surface("PUT /api/advocates/{code}/language", (f, u) -> put("/api/advocates/" + matrixAdvocate()
                        + "/language", "{\"language\":null}"), EnumSet.of(QUEUE_MANAGER, OTHER_MANAGER, ADMIN)));
    }

    private String advocateLink;

    /** A link to the matrix advocate's page, issued once (as their referrer mail would carry it). */
    private String advocateLink() {
        if (advocateLink == null) {
            String code = matrixAdvocate();
            advocateLink = accessLinks.issue(org.relay.links.AccessLinkPurpose.REFERRER_VIEW, jdbc.queryForObject(
                    "select link_subject_id from advocate where code = ?", Long.class, code));
        }
        return advocateLink;
    }

    private String rewardTask;

    /** The Approve reward task of an advocate's flagged reward (shared contact details), made once for the matrix. */
    private String rewardTask() {
        if (rewardTask == null) {
            var request = RelayTestData.advocatesReferral("Matrix Reward", "matrix.reward@mail.example", "CREDIT_CARD");
            jdbc.update("update advocate set email = 'matrix.reward@mail.example' where code = 'ADV-123'");
            var referral = intake.create(request);
            var reward = transactions.execute(s -> rewardLedger.earn(data.reload(referral),
                    org.relay.rewards.RewardOutcome.CONVERTED, "bob").orElseThrow());
            rewardReference = reward.getReference();
            rewardTask = taskService.createTaskQuery().processInstanceBusinessKey(rewardReference).singleResult().getId();
        }
        return rewardTask;
    }

    private String rewardReference;

    /** That reward's reference (RWD-…). */
    private String rewardReference() {
        rewardTask();
        return rewardReference;
    }

    @Autowired
    org.relay.rewards.RewardLedger rewardLedger;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private Long meeting;

    /** A meeting Kiara booked with Alice tomorrow (as the status page would record it), inserted once for the matrix. */
    private long meeting(Fixture f) {
        if (meeting == null) {
            meeting = jdbc.queryForObject("insert into meeting_booking (uid, referral_id, owner_id, starts_at, ends_at,"
                    + " sequence_no, booked_at, booked_by, active_start, active_referral_id) values ('matrix@relay', ?,"
                    + " 'alice', now() + interval '1 day', now() + interval '1 day 30 minutes', 0, now(), 'customer',"
                    + " now() + interval '1 day', ?) returning id", Long.class, kiaraId(f), kiaraId(f));
        }
        return meeting;
    }

    @Autowired
    org.relay.links.AccessLinks accessLinks;

    private String customerLink;

    /** A link to Kiara's status page, issued once for the matrix (as her confirmation mail would carry it). */
    private String customerLink(Fixture f) {
        if (customerLink == null) {
            customerLink = accessLinks.issue(org.relay.links.AccessLinkPurpose.CUSTOMER_STATUS, ((Number) kiaraId(f)).longValue());
        }
        return customerLink;
    }

    /** An advocate for the preference rows (managers set how an advocate hears back). */
    private String matrixAdvocate() {
        jdbc.update("insert into advocate (code, name, owner_user_id, active) select 'ADV-MATRIX', 'Matrix Realty', 'bob', true"
                + " where not exists (select 1 from advocate where code = 'ADV-MATRIX')");
        return "ADV-MATRIX";
    }

    /** Kiara's account, contact and household ids, created and linked to her referral on first use. */
    private long[] customerRecords(Fixture f) {
        Long linked = jdbc.queryForObject("select account_id from referral where reference_number = ?", Long.class, f.ref());
        if (linked == null) {
            long household = jdbc.queryForObject("insert into household (name, created_at) values ('Thompson household', now())"
                    + " returning id", Long.class);
            linked = jdbc.queryForObject("insert into customer_account (type, name, email_normalized, household_id, created_at)"
                    + " values ('PERSON', 'Kiara Thompson', 'customer@mail.example', ?, now()) returning id", Long.class, household);
            jdbc.update("insert into contact (account_id, name, email, created_at) values (?, 'Kiara Thompson',"
                    + " 'customer@mail.example', now())", linked);
            jdbc.update("update referral set account_id = ? where reference_number = ?", linked, f.ref());
        }
        return new long[]{linked,
                jdbc.queryForObject("select min(id) from contact where account_id = ?", Long.class, linked),
                jdbc.queryForObject("select household_id from customer_account where id = ?", Long.class, linked)};
    }

    private Object kiaraId(Fixture f) {
        return runtimeService.getVariable(f.instance(), "referralId");
    }

    /** Past the access rules: not refused, and for a list or count something in it. */
    private static boolean passes(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status == 401 || status == 403 || status == 404) {
            return false;
        }
        String body = answer.body().strip();
        if (body.contains("Cannot correlate message")) {
            return false;   // the engine found nothing this user may correlate with (the administrator: nothing waiting)
        }
        return !(status == 200 && (body.equals("[]") || body.equals("{}") || body.contains("\"count\":0")));
    }

    private static boolean carriesTheCustomer(String body) {
        return body.contains("Kiara") || body.contains("kiara.thompson") || body.contains("555 0101");
    }

    /** The history of the review task's list columns (task-local, for those who may read the task) set aside. */
    private static String withoutListColumns(String body) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(body);
        if (tree.isObject()) {
            ((ObjectNode) tree).remove(List.of("listCustomer"));
            return tree.toString();
        }
        List<JsonNode> kept = new ArrayList<>();
        tree.forEach(entry -> {
            String name = entry.path("name").asText(entry.path("variableName").asText());
            if (!name.startsWith("list") || entry.path("taskId").isNull()) {
                kept.add(entry);
            }
        });
        return kept.toString();
    }

    private HttpRequest.Builder as(Role role, HttpRequest.Builder request) {
        return role.user == null ? request : request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((role.user + ":" + role.password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
