package org.relay.routing;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferrerType;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who gets a referral: advocate owners, relationship owners, workload and capacity, presence, and the business
 * calendar behind the deadlines. Retail lending has three members: Alice, Bob and Mike.
 */
class RoutingScenarioTest extends RelayIntegrationTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Autowired
    org.relay.i18n.StoredSentences sentences;

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    RecipientRepository recipients;

    @Autowired
    AdvocateRepository advocates;

    @Autowired
    CustomerAdvisorRepository advisors;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void ten_referrals_spread_over_three_members_in_turn() {
        List<String> owners = new java.util.ArrayList<>();
        Referral last = null;
        for (int i = 0; i < 10; i++) {
            last = intake.create(RelayTestData.referral("Customer " + i, "MORTGAGE", "200000", "ryan"));
            owners.add(last.getOwnerId());
        }

        Assertions.assertThat(owners).containsExactly("alice", "bob", "mike", "alice", "bob", "mike", "alice", "bob",
                "mike", "alice");
        Map<String, Long> perOwner = owners.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Assertions.assertThat(perOwner).containsEntry("alice", 4L).containsEntry("bob", 3L).containsEntry("mike", 3L);
    }

    @Test
    void when_everybody_is_at_capacity_the_whole_queue_sees_it() {
        for (String member : List.of("alice", "bob", "mike")) {
            capacity(member, 1);
        }
        for (int i = 0; i < 3; i++) {
            intake.create(RelayTestData.referral("Customer " + i, "MORTGAGE", "200000", "ryan"));
        }

        Referral fourth = intake.create(RelayTestData.referral("Customer 4", "MORTGAGE", "200000", "ryan"));

        Assertions.assertThat(fourth.getOwnerId()).isNull();
        Assertions.assertThat(fourth.getQueueId()).isEqualTo("retail-lending");
        Assertions.assertThat(fourth.getRoutingBasis()).isEqualTo("CAPACITY_FALLBACK");
        Task review = reviewTask(fourth);
        Assertions.assertThat(review.getAssignee()).isNull();
        Assertions.assertThat(candidateGroups(review)).containsExactly("retail-lending");
    }

    @Test
    void an_absent_member_is_never_picked() {
        Recipient bob = new Recipient("bob");
        bob.update(null, true, true);
        recipients.save(bob);

        List<String> owners = List.of(
                intake.create(RelayTestData.referral("A", "MORTGAGE", "200000", "ryan")).getOwnerId(),
                intake.create(RelayTestData.referral("B", "MORTGAGE", "200000", "ryan")).getOwnerId(),
                intake.create(RelayTestData.referral("C", "MORTGAGE", "200000", "ryan")).getOwnerId());

        Assertions.assertThat(owners).containsExactly("alice", "mike", "alice");
    }

    @Test
    void an_owned_advocates_referral_goes_straight_to_the_owner() {
        advocates.save(new Advocate("ADV-123", "Lena Ortiz", "bob", true));
        CreateReferralRequest fromLena = withReferrer(RelayTestData.referral("Oliver Grant", "MORTGAGE", "600000", "ryan"),
                new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-123", "Lena Ortiz"), "ADVOCATE");

        Referral referral = intake.create(fromLena);

        Assertions.assertThat(referral.getOwnerId()).isEqualTo("bob");
        Assertions.assertThat(referral.getRoutingBasis()).isEqualTo("ADVOCATE_OWNER");
        Assertions.assertThat(sentences.word(referral.getRoutingReason(), java.util.Locale.ENGLISH)).contains("Lena Ortiz").contains("owned by Bob Chen");
        Task review = reviewTask(referral);
        Assertions.assertThat(review.getAssignee()).isEqualTo("bob");
        Assertions.assertThat(candidateGroups(review)).isEmpty();
    }

    @Test
    void an_inactive_advocates_code_is_refused() {
        advocates.save(new Advocate("ADV-9", "Retired realtor", "bob", false));
        CreateReferralRequest request = withReferrer(RelayTestData.referral("Oliver Grant", "MORTGAGE", "600000", "ryan"),
                new CreateReferralRequest.ReferrerData(ReferrerType.ADVOCATE, "ADV-9", null), "ADVOCATE");

        Assertions.assertThatThrownBy(() -> intake.create(request))
                .isInstanceOf(org.relay.common.InvalidRequestException.class)
                .hasMessageContaining("referrer.id").hasMessageContaining("ADV-9");
    }

    @Test
    void an_existing_customer_goes_to_their_advisor_in_that_line_of_business() {
        advisors.save(new CustomerAdvisor("C-1001", "retail-lending", "mike"));
        CreateReferralRequest request = existingCustomer(RelayTestData.kiarasMortgage(), "C-1001");

        Referral referral = intake.create(request);

        Assertions.assertThat(referral.getOwnerId()).isEqualTo("mike");
        Assertions.assertThat(referral.getRoutingBasis()).isEqualTo("RELATIONSHIP_OWNER");
        Assertions.assertThat(sentences.word(referral.getRoutingReason(), java.util.Locale.ENGLISH)).contains("Mike Okoro already advises customer C-1001");
    }

    @Test
    void an_absent_relationship_owner_falls_back_to_the_queue() {
        advisors.save(new CustomerAdvisor("C-1001", "retail-lending", "mike"));
        Recipient mike = new Recipient("mike");
        mike.update(null, true, true);
        recipients.save(mike);

        Referral referral = intake.create(existingCustomer(RelayTestData.kiarasMortgage(), "C-1001"));

        Assertions.assertThat(referral.getOwnerId()).isEqualTo("alice");
        Assertions.assertThat(referral.getRoutingBasis()).isEqualTo("LEAST_LOADED_MEMBER");
    }

    @Test
    void a_friday_evening_referral_escalates_on_monday_by_the_business_calendar() {
        ClockUtil.setCurrentTime(date("2026-12-04T18:30"));

        Referral referral = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(referral);

        // a hot mortgage (lead score 80): reminder after 2 business hours, escalation after 4
        Task review = reviewTask(referral);
        Assertions.assertThat(review.getDueDate()).isEqualTo(date("2026-12-07T13:00"));
        Assertions.assertThat(timerDue(referral, "Timer_ReviewReminder")).isEqualTo(date("2026-12-07T11:00"));
        Assertions.assertThat(timerDue(referral, "Timer_ReviewEscalation")).isEqualTo(date("2026-12-07T13:00"));
        Assertions.assertThat(referrals.findById(referral.getId()).orElseThrow().getReviewDueAt())
                .isEqualTo(date("2026-12-07T13:00").toInstant());
    }

    @Test
    void an_unclaimed_queue_referral_is_flagged_overdue_and_the_manager_told() throws Exception {
        for (String member : List.of("alice", "bob", "mike")) {
            capacity(member, 1);
            intake.create(RelayTestData.referral("Filler " + member, "MORTGAGE", "200000", "ryan"));
        }
        Referral unclaimed = intake.create(RelayTestData.kiarasMortgage());
        notifyRecipient(unclaimed);
        SMTP.purgeEmailFromAllMailboxes();

        managementService.executeJob(job(unclaimed, "Timer_ReviewReminder").getId());
        managementService.executeJob(job(unclaimed, "Task_FlagUnclaimedReferral").getId());

        Referral flagged = referrals.findById(unclaimed.getId()).orElseThrow();
        Assertions.assertThat(flagged.getOverdueAt()).isNotNull();
        Assertions.assertThat(mailsTo("jackie@relay.example")).singleElement()
                .satisfies(mail -> Assertions.assertThat(mail.getSubject())
                        .isEqualTo("Unclaimed referral " + unclaimed.getReferenceNumber() + " in retail-lending"));
        Assertions.assertThat(reviewTask(unclaimed).getAssignee()).isNull();
    }

    private void capacity(String user, int capacity) {
        Recipient recipient = recipients.findById(user).orElseGet(() -> new Recipient(user));
        recipient.update(capacity, false, true);
        recipients.save(recipient);
    }

    private void notifyRecipient(Referral referral) {
        notifyRecipient(referral.getProcessInstanceId());
    }

    private Job job(Referral referral, String activityId) {
        return managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                .activityId(activityId).singleResult();
    }

    private Date timerDue(Referral referral, String timerId) {
        return job(referral, timerId).getDuedate();
    }

    private Task reviewTask(Referral referral) {
        return taskService.createTaskQuery().processInstanceId(referral.getProcessInstanceId()).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Date date(String newYorkLocal) {
        return Date.from(LocalDateTime.parse(newYorkLocal).atZone(NEW_YORK).toInstant());
    }

    private static CreateReferralRequest withReferrer(CreateReferralRequest r, CreateReferralRequest.ReferrerData referrer,
                                                      String source) {
        return new CreateReferralRequest(r.kind(), r.recordType(), r.customer(), r.expressedInterest(), r.interestValue(),
                source, referrer, r.notes());
    }

    private static CreateReferralRequest existingCustomer(CreateReferralRequest r, String customerId) {
        CreateReferralRequest.CustomerData c = r.customer();
        return new CreateReferralRequest(r.kind(), r.recordType(), new CreateReferralRequest.CustomerData(c.type(),
                c.name(), c.employer(), c.phone(), c.email(), c.city(), c.region(), customerId),
                r.expressedInterest(), r.interestValue(), r.sourceChannel(), r.referrer(), r.notes());
    }
}
