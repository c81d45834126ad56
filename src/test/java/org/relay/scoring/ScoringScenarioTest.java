package org.relay.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.relay.synthetic.SyntheticHistoryWriter;
import org.relay.synthetic.SyntheticReferralHistory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;

/** Scores in the running product: referrer scores move with outcomes, a trained model goes live and re-scores. */
class ScoringScenarioTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;
    @Autowired
    SyntheticHistoryWriter historyWriter;

    @Test
    void each_conversion_raises_the_referrers_score_and_reprioritises_their_open_referrals() throws Exception {
        Referral first = intake.create(RelayTestData.kiarasMortgage());
        Referral second = intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        Referral waiting = intake.create(RelayTestData.referral("Maya Stone", "PERSONAL_LOAN", "20000", "ryan"));
        int priorityBefore = reviewTask(waiting).getPriority();
        Assertions.assertThat(data.reload(waiting).getReferrerScoreAtIntake()).isEqualTo(ReferrerScore.NO_RECORD);

        convert(first);
        // 1 of 1: (1 + 2) / (1 + 5) = 50; the waiting referral's task gains 0.2 × (50 − 40) = 2 points
        Assertions.assertThat(score("ryan")).isEqualTo(50);
        Assertions.assertThat(data.reload(waiting).getReferrerScoreAtIntake()).isEqualTo(50);
        Assertions.assertThat(reviewTask(waiting).getPriority()).isEqualTo(priorityBefore + 2);

        convert(second);
        // 2 of 2: (2 + 2) / (2 + 5) = 57: "converts often" now adds 8 prior points to the lead score too
        Assertions.assertThat(score("ryan")).isEqualTo(57);
        Referral rescored = data.reload(waiting);
        Assertions.assertThat(rescored.getLeadScoreFactors()).contains("referrer=often +8");
        Assertions.assertThat(reviewTask(waiting).getPriority()).isEqualTo(rescored.getTaskPriority())
                .isGreaterThan(priorityBefore + 2);

        JsonNode top = json.readTree(rest.getForObject("/api/referrers/top?limit=5", String.class));
        Assertions.assertThat(top.get(0).get("referrerId").asText()).isEqualTo("ryan");
        Assertions.assertThat(top.get(0).get("converted").asInt()).isEqualTo(2);
        JsonNode view = json.readTree(rest.getForObject("/api/referrals/" + waiting.getReferenceNumber(), String.class));
        Assertions.assertThat(view.get("scoring").get("referrerScore").asInt()).isEqualTo(57);
        Assertions.assertThat(view.get("scoring").get("grade").asText()).isIn("A", "B", "C", "D");
        Assertions.assertThat(rest.getForEntity("/api/referrers/top?limit=0", String.class).getBody()).contains("\"limit\"");
    }

    @Test
    void the_training_process_puts_a_better_model_live_and_rescores_open_referrals() throws Exception {
        Referral open = intake.create(RelayTestData.kiarasMortgage());
        Assertions.assertThat(data.reload(open).getLeadScoreModel()).isEqualTo(LeadScore.PRIOR);
        Instant now = Instant.now();
        historyWriter.write(SyntheticReferralHistory.generate(new SyntheticReferralHistory.Settings(5, 3000,
                now.minus(Duration.ofDays(540)), now.minus(Duration.ofDays(40)), LeadScoreModelQualityTest.REFERRERS,
                Map.of("retail-lending", List.of("bob", "alice", "mike")), Duration.ofDays(180))));

        ResponseEntity<String> started = rest.postForEntity("/api/scoring/training", null, String.class);
        Assertions.assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Assertions.assertThat(rest.postForEntity("/api/scoring/training", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        String instanceId = json.readTree(started.getBody()).get("processInstanceId").asText();
        runJobsOf(instanceId);

        assertThat(processInstanceQuery().processInstanceId(instanceId).singleResult()).isNull();
        var history = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("End_Rescored").count();
        Assertions.assertThat(history).isEqualTo(1);

        JsonNode model = json.readTree(rest.getForObject("/api/scoring/models/active", String.class));
        System.out.println("Trained on synthetic history: " + model.get("decision").asText()
                + "; Brier " + model.get("brier").asDouble() + " (prior " + model.get("brierPrior").asDouble() + ")");
        Assertions.assertThat(model.get("status").asText()).isEqualTo("ACTIVE");
        double auc = model.get("auc").asDouble();
        Assertions.assertThat(auc).isGreaterThan(model.get("aucPrior").asDouble())
                .isGreaterThan(model.get("aucNaiveBayes").asDouble())
                .isGreaterThan(model.get("aucSourceRate").asDouble());
        Assertions.assertThat(model.get("brier").asDouble()).isLessThan(model.get("brierPrior").asDouble());

        Referral rescored = data.reload(open);
        String modelName = "lr-" + model.get("version").asInt();
        Assertions.assertThat(rescored.getLeadScoreModel()).isEqualTo(modelName);
        Assertions.assertThat(rescored.getLeadScoreFactors()).isNotBlank();
        Assertions.assertThat(reviewTask(open).getPriority()).isEqualTo(rescored.getTaskPriority());

        Referral fresh = intake.create(RelayTestData.referral("Noah Clarke", "CREDIT_CARD", "6000", "wendy"));
        Assertions.assertThat(data.reload(fresh).getLeadScoreModel()).isEqualTo(modelName);
        Assertions.assertThat(taskService.getVariable(reviewTask(fresh).getId(), "listLeadScore"))
                .isEqualTo(data.reload(fresh).getLeadScore());
    }

    @Test
    void administrators_retraining_at_once_start_one_training() throws Exception {
        java.util.Map<Integer, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        org.relay.support.Parallel.run(4, 4, i -> answers.merge(
                rest.postForEntity("/api/scoring/training", null, String.class).getStatusCode().value(), 1, Integer::sum));

        Assertions.assertThat(answers).containsOnly(java.util.Map.entry(202, 1), java.util.Map.entry(409, 3));
        Assertions.assertThat(processInstanceQuery().processDefinitionKey("LeadScoreTrainingProcess").count()).isEqualTo(1);
    }

    @Test
    void the_nightly_training_skips_while_an_administrators_retrain_is_still_running() {
        String requested = rest.postForObject("/api/scoring/training", null, JsonNode.class).get("processInstanceId").asText();

        String nightly = fireNightlyTimer();
        Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery().processInstanceId(nightly).activityId("End_AlreadyTraining")
                .count()).isEqualTo(1);
        Assertions.assertThat(processInstanceQuery().processDefinitionKey("LeadScoreTrainingProcess").active().list())
                .extracting(org.camunda.bpm.engine.runtime.ProcessInstance::getId).containsExactly(requested);

        // once it has finished, the next night trains again
        runJobsOf(requested);
        String nextNight = fireNightlyTimer();
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(nextNight)
                .activityId("Task_RefreshReferrerScores").count()).as("the next night trains").isEqualTo(1);
        runJobsOf(nextNight);
    }

    /** What 02:30 does: the nightly start timer's job runs (and schedules the next night). Returns the new instance. */
    private String fireNightlyTimer() {
        java.util.Set<String> before = new java.util.HashSet<>(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests
                .historyService().createHistoricProcessInstanceQuery().processDefinitionKey("LeadScoreTrainingProcess").list()
                .stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList());
        managementService.executeJob(managementService.createJobQuery().processDefinitionKey("LeadScoreTrainingProcess")
                .timers().activityId("StartEvent_Nightly").singleResult().getId());
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("LeadScoreTrainingProcess").list().stream().map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId)
                .filter(id -> !before.contains(id)).findFirst().orElseThrow();
    }

    @Test
    void with_too_little_history_the_prior_keeps_scoring() {
        String instanceId = rest.postForObject("/api/scoring/training", null, JsonNode.class).get("processInstanceId").asText();
        runJobsOf(instanceId);

        Assertions.assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricActivityInstanceQuery().processInstanceId(instanceId).activityId("End_ScoresUnchanged")
                .count()).isEqualTo(1);
        Assertions.assertThat(rest.getForEntity("/api/scoring/models/active", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Assertions.assertThat(managementService.createJobQuery().processDefinitionKey("LeadScoreTrainingProcess")
                .timers().count()).as("the nightly timer start").isEqualTo(1);
    }

    private void convert(Referral referral) {
        String instance = referral.getProcessInstanceId();
        taskService.complete(reviewTask(referral).getId(), Map.of("reviewDecision", "accept"));
        Task work = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_WorkReferral").singleResult();
        taskService.complete(work.getId(), Map.of("workOutcome", "convert", "opportunityAmount", 1000.0));
        for (String step : new String[]{"Task_ConvertToOpportunity", "Task_UpdateReferrerScoreOnConversion"}) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                    .activityId(step).singleResult().getId());
        }
    }

    private Task reviewTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .taskDefinitionKey("Task_ReviewReferral").singleResult();
    }

    private int score(String referrerId) throws Exception {
        return json.readTree(rest.getForObject("/api/referrers/" + referrerId + "/score", String.class)).get("score").asInt();
    }

    /** What the job executor would do: run the instance's jobs one after another until none is left. */
    private void runJobsOf(String instanceId) {
        for (int i = 0; i < 100; i++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instanceId).list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("training process did not finish");
    }
}
