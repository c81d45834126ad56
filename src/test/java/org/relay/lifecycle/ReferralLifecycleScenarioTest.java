package org.relay.lifecycle;

import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.relay.conversion.OpportunityRepository;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEvent;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferralTimeline;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The referral lifecycle, one path per test, driven through the real intake, process and database. Kiara's
 * mortgage referral from Ryan goes to the retail-lending queue (Alice, Bob and Mike; Alice wins the tie on workload).
 */
class ReferralLifecycleScenarioTest extends RelayIntegrationTest {

    @Autowired
    org.relay.i18n.StoredSentences sentences;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralTimeline timeline;

    @Autowired
    OpportunityRepository opportunities;

    @Test
    void accepted_then_converted_creates_one_opportunity() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = instanceOf(referral);

        assertThat(instance).isStarted().hasBusinessKey(referral.getReferenceNumber())
                .hasPassed("Task_ScoreReferral", "Task_DecideQueue", "Task_RouteReferral")
                .isWaitingAt("Task_ReviewReferral");
        notifyRecipient(instance.getId());

        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().isAssignedTo("alice");
        Task review = task("Task_ReviewReferral", instance);
        Assertions.assertThat(taskService().getIdentityLinksForTask(review.getId()))
                .anyMatch(link -> "retail-lending".equals(link.getGroupId()));
        Referral scored = data.reload(referral);
        Assertions.assertThat(review.getPriority()).isEqualTo(scored.getTaskPriority())
                .isEqualTo(org.relay.scoring.TaskPriority.of(scored.getLeadScore(), 40, new BigDecimal("450000"), 0));
        Assertions.assertThat(scored.getLeadScoreModel()).isEqualTo("prior");
        Assertions.assertThat(review.getDueDate()).isNotNull();
        Assertions.assertThat(mailsTo("alice@relay.example")).hasSize(1);

        complete(review, withVariables("reviewDecision", "accept"));
        assertThat(instance).isWaitingAt("Task_WorkReferral").task().isAssignedTo("alice");
        Assertions.assertThat(data.reload(referral).getStatus()).isEqualTo(ReferralStatus.ACCEPTED);

        complete(task("Task_WorkReferral", instance),
                withVariables("workOutcome", "convert", "opportunityAmount", 440000.0, "outcomeNote", "Signed"));
        assertThat(instance).isWaitingAt("Task_ConvertToOpportunity");
        execute(job("Task_ConvertToOpportunity", instance));
        assertThat(instance).hasPassed("Task_ConvertToOpportunity").isWaitingAt("Task_UpdateReferrerScoreOnConversion");
        execute(job("Task_UpdateReferrerScoreOnConversion", instance));
        assertThat(instance).isWaitingAt("Task_ThankReferrer");
        execute(job("Task_ThankReferrer", instance));
        assertThat(instance).isEnded().hasPassed("End_Converted");
        Assertions.assertThat(mailsTo("ryan@relay.example")).singleElement().satisfies(mail -> {
            Assertions.assertThat(mail.getSubject()).isEqualTo("Thank you: your referral of Kiara Thompson became business");
            Assertions.assertThat(GreenMailUtil.getBody(mail)).contains("referrer score 50; 1 of 1 decided referrals converted");
        });

        Referral converted = data.reload(referral);
        Assertions.assertThat(converted.getStatus()).isEqualTo(ReferralStatus.CONVERTED);
        Assertions.assertThat(converted.getConvertedAt()).isNotNull().isAfterOrEqualTo(converted.getAcceptedAt());
        Assertions.assertThat(opportunities.findByReferralId(referral.getId())).get()
                .satisfies(o -> {
                    Assertions.assertThat(o.getAmount()).isEqualByComparingTo(new BigDecimal("440000"));
                    Assertions.assertThat(o.getOwnerId()).isEqualTo("alice");
                    Assertions.assertThat(o.getProduct()).isEqualTo("MORTGAGE");
                });
        Assertions.assertThat(opportunities.count()).isEqualTo(1);
    }

    @Test
    void accepted_then_closed_as_lost_keeps_the_reason() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "accept"));

        complete(task("Task_WorkReferral", instance), withVariables("workOutcome", "closeLost",
                "closeReason", "WENT_TO_COMPETITOR", "outcomeNote", "Took a fixed rate elsewhere"));
        assertThat(instance).hasPassed("Task_CloseReferral").isWaitingAt("Task_UpdateReferrerScoreOnLoss");
        execute(job("Task_UpdateReferrerScoreOnLoss", instance));

        assertThat(instance).isEnded().hasPassed("Task_CloseReferral", "End_ClosedLost")
                .hasNotPassed("Task_ConvertToOpportunity");
        Referral closed = data.reload(referral);
        Assertions.assertThat(closed.getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo("WENT_TO_COMPETITOR");
        Assertions.assertThat(closed.getClosedAt()).isNotNull();
        Assertions.assertThat(opportunities.findByReferralId(referral.getId())).isEmpty();
    }

    @Test
    void rejected_is_routed_to_someone_who_has_not_rejected_it() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        assertThat(instance).task().isAssignedTo("alice");

        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "reject",
                "rejectReason", "AT_CAPACITY", "reviewNote", "Fully booked until next month"));

        assertThat(instance).hasPassedInOrder("Task_ReviewReferral", "Task_DecideQueue", "Task_RouteReferral")
                .isWaitingAt("Task_ReviewReferral");
        notifyRecipient(instance.getId());
        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().isAssignedTo("bob");
        Assertions.assertThat(timeline.rejecters(referral.getId())).containsExactly("alice");
        Assertions.assertThat(english(data.reload(referral).getRoutingReason())).contains("Bob Chen").contains("excluding Alice Romero");
        // the next reviewer starts from an empty form
        Assertions.assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "reviewDecision")).isNull();
    }

    @Test
    void rejected_by_everyone_goes_to_the_referrers_manager_queue() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        for (String reason : new String[]{"NOT_MY_PRODUCT", "WRONG_REGION", "AT_CAPACITY"}) {
            rejectAs(instance, reason);
            notifyRecipient(instance.getId());
        }

        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().isNotAssigned()
                .hasCandidateGroup("referral-managers");
        Referral routed = data.reload(referral);
        Assertions.assertThat(routed.getOwnerId()).isNull();
        Assertions.assertThat(routed.getQueueId()).isEqualTo("referral-managers");
        Assertions.assertThat(english(routed.getRoutingReason())).contains("Nobody left in Retail Lending");
        Assertions.assertThat(timeline.rejecters(referral.getId())).containsExactlyInAnyOrder("alice", "bob", "mike");
        // the managers are mailed: Jackie is the referral-managers queue
        Assertions.assertThat(mailsTo("jackie@relay.example")).singleElement().satisfies(mail ->
                Assertions.assertThat(mail.getSubject()).startsWith("Rejected by everyone, now with your queue: mortgage referral"));
    }

    @Test
    void reassigned_to_a_colleague_who_must_accept_it() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);

        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "reassign",
                "reassignToUser", "wendy", "reviewNote", "Kiara also asked about investing the rest"));

        notifyRecipient(instance.getId());
        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().isAssignedTo("wendy");
        Assertions.assertThat(taskService().getIdentityLinksForTask(task(instance).getId()))
                .noneMatch(link -> "retail-lending".equals(link.getGroupId()));
        Assertions.assertThat(english(data.reload(referral).getRoutingReason()))
                .isEqualTo("Reassigned by Alice Romero to Wendy Park: Kiara also asked about investing the rest");
        Assertions.assertThat(mailsTo("wendy@relay.example")).singleElement().satisfies(mail ->
                Assertions.assertThat(mail.getSubject()).isEqualTo("Reassigned to you: mortgage referral "
                        + referral.getReferenceNumber() + ": Kiara Thompson"));
    }

    @Test
    void reassigned_to_a_queue_waits_for_whoever_claims_it() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);

        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "reassign",
                "reassignToQueue", "wealth-management", "reviewNote", "Mostly an investment question"));
        notifyRecipient(instance.getId());

        assertThat(instance).task().isNotAssigned().hasCandidateGroup("wealth-management");
        Assertions.assertThat(data.reload(referral).getQueueId()).isEqualTo("wealth-management");
        Assertions.assertThat(mailsTo("ryan@relay.example")).hasSize(1);
        Assertions.assertThat(mailsTo("wendy@relay.example")).hasSize(1);
    }

    @Test
    void reminder_timer_mails_the_recipient_and_leaves_the_task_with_them() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        SMTP.purgeEmailFromAllMailboxes();

        execute(job("Timer_ReviewReminder", instance));
        execute(job("Task_SendReviewReminder", instance));

        assertThat(instance).hasPassed("Task_SendReviewReminder", "End_ReminderSent")
                .isWaitingAt("Task_ReviewReferral").task().isAssignedTo("alice");
        List<MimeMessage> mails = mailsTo("alice@relay.example");
        Assertions.assertThat(mails).hasSize(1);
        Assertions.assertThat(mails.get(0).getSubject()).startsWith("Reminder: referral " + referral.getReferenceNumber());
        Assertions.assertThat(timeline.of(referral)).extracting(ReferralEvent::getType).contains(ReferralEventType.REMINDED);
    }

    @Test
    void escalation_timer_moves_the_referral_to_the_manager_queue() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);

        execute(job("Timer_ReviewEscalation", instance));

        assertThat(instance).hasPassed("Task_EscalateToManager").isWaitingAt("Task_ReviewReferral");
        notifyRecipient(instance.getId());
        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().isNotAssigned()
                .hasCandidateGroup("referral-managers");
        Referral escalated = data.reload(referral);
        Assertions.assertThat(escalated.getQueueId()).isEqualTo("referral-managers");
        Assertions.assertThat(escalated.getRoutingReason()).as("kept as codes").startsWith("i18n:timeline.escalated|Alice Romero|");
        Assertions.assertThat(english(escalated.getRoutingReason()))
                .startsWith("Escalated: Alice Romero did not accept or reject it for");
        Assertions.assertThat(mailsTo("jackie@relay.example")).singleElement().satisfies(mail -> {
            Assertions.assertThat(mail.getSubject()).startsWith("Escalated to your queue: mortgage referral");
            Assertions.assertThat(GreenMailUtil.getBody(mail)).contains("Escalated: Alice Romero did not accept or reject it for");
        });
    }

    @Test
    void no_activity_timer_tells_the_manager_and_the_owner_keeps_working() throws Exception {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "accept"));

        execute(job("Timer_NoActivity", instance));
        execute(job("Task_EscalateIdleReferral", instance));

        assertThat(instance).hasPassed("End_IdleEscalated").isWaitingAt("Task_WorkReferral")
                .task().isAssignedTo("alice");
        List<MimeMessage> mails = mailsTo("jackie@relay.example");
        Assertions.assertThat(mails).hasSize(1);
        Assertions.assertThat(mails.get(0).getSubject()).isEqualTo("Idle referral " + referral.getReferenceNumber() + " (alice)");
    }

    @Test
    void a_decision_the_lifecycle_cannot_act_on_is_refused_and_the_task_stays() {
        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        ProcessInstance instance = reviewing(referral);
        String taskId = task(instance).getId();

        Assertions.assertThatThrownBy(() -> taskService().complete(taskId, Map.of("reviewDecision", "reject")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choose a reason for rejecting it.");
        Assertions.assertThatThrownBy(() -> taskService().complete(taskId, Map.of("reviewDecision", "reassign",
                        "reassignToUser", "nobody-by-that-name", "reviewNote", "x")))
                .hasMessageContaining("No colleague has the user id nobody-by-that-name.");
        Assertions.assertThatThrownBy(() -> taskService().complete(taskId, Map.of("reviewDecision", "maybe")))
                .hasMessageContaining("Choose a decision: accept, reject, reassign or merge.");

        assertThat(instance).isWaitingAt("Task_ReviewReferral").task().hasId(taskId);
        Assertions.assertThat(timeline.rejecters(referral.getId())).isEmpty();
        Assertions.assertThat(data.reload(referral).getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
    }

    @Test
    void the_same_need_sent_twice_is_merged_into_the_first_referral_from_the_review() {
        Referral first = intake.create(RelayTestData.kiarasMortgage());
        Referral second = intake.create(RelayTestData.referral("Kiara Thompson", "MORTGAGE", "400000", "ryan"));
        ProcessInstance instance = reviewing(second);
        String taskId = task(instance).getId();

        // only into one of the customer's other open referrals, which the form offers
        Assertions.assertThatThrownBy(() -> taskService().complete(taskId, Map.of("reviewDecision", "merge",
                        "mergeInto", "REF-999999")))
                .hasMessageContaining("REF-999999 is not an open referral of this customer any more");
        assertThat(instance).isWaitingAt("Task_ReviewReferral");

        complete(task(instance), withVariables("reviewDecision", "merge", "mergeInto", first.getReferenceNumber(),
                "reviewNote", "Same house, sent twice"));
        assertThat(instance).hasPassed("End_MergedIntoDuplicate").isEnded();
        Referral merged = data.reload(second);
        Assertions.assertThat(merged.getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(merged.getCloseReason()).isEqualTo("DUPLICATE");
        Assertions.assertThat(timeline.of(second)).anyMatch(e -> e.getType() == ReferralEventType.MERGED
                && first.getReferenceNumber().equals(e.getReason()) && e.getDetail().endsWith("Same house, sent twice"));
        Assertions.assertThat(timeline.of(first)).anyMatch(e -> e.getType() == ReferralEventType.MERGED
                && second.getReferenceNumber().equals(e.getReason()));
        Assertions.assertThat(data.reload(first).getStatus().isOpen()).isTrue();
        assertThat(instanceOf(first)).isWaitingAt("Task_ReviewReferral");
    }

    @Test
    void a_reviewer_who_keeps_both_interests_has_it_noted_with_the_decision() {
        intake.create(RelayTestData.kiarasMortgage());
        Referral card = intake.create(RelayTestData.referral("Kiara Thompson", "CREDIT_CARD", "9000", "ryan"));
        ProcessInstance instance = reviewing(card);
        Task review = task(instance);

        complete(review, withVariables("reviewDecision", "accept", "keepBoth", "true"));
        assertThat(instance).isWaitingAt("Task_WorkReferral");
        Assertions.assertThat(timeline.of(card)).anyMatch(e -> e.getType() == ReferralEventType.DUPLICATE_KEPT
                && review.getAssignee().equals(e.getActor()));
        Assertions.assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("keepBoth", "mergeInto");
    }

    private ProcessInstance reviewing(Referral referral) {
        ProcessInstance instance = instanceOf(referral);
        notifyRecipient(instance.getId());
        assertThat(instance).isWaitingAt("Task_ReviewReferral");
        return instance;
    }

    private void rejectAs(ProcessInstance instance, String reason) {
        complete(task("Task_ReviewReferral", instance), withVariables("reviewDecision", "reject", "rejectReason", reason));
    }

    private static ProcessInstance instanceOf(Referral referral) {
        return processInstanceQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
    }

    /** The routing reason as an English reader gets it (Relay keeps it as codes). */
    private String english(String stored) {
        return sentences.word(stored, java.util.Locale.ENGLISH);
    }
}
