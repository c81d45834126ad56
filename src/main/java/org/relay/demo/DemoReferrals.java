package org.relay.demo;

import org.relay.lifecycle.LifecycleTasks;
import org.relay.lifecycle.LifecycleVariables;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CreateReferralRequest.CustomerData;
import org.relay.referral.CreateReferralRequest.InterestValue;
import org.relay.referral.CreateReferralRequest.ReferrerData;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferrerType;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A handful of referrals in different stages, created and moved through the same intake and process as real
 * ones. The first waits in Bob's Tasklist: Kiara's mortgage, referred by Ryan.
 */
@Component
class DemoReferrals {

    private static final String REVIEW = LifecycleVariables.REVIEW_TASK;
    private static final String WORK = LifecycleVariables.WORK_TASK;

    private final ReferralIntake intake;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final LifecycleTasks lifecycleTasks;

    DemoReferrals(ReferralIntake intake, TaskService taskService, ManagementService managementService,
                  LifecycleTasks lifecycleTasks) {
        this.intake = intake;
        this.taskService = taskService;
        this.managementService = managementService;
        this.lifecycleTasks = lifecycleTasks;
    }

    void create() {
        // Alice gets this one (tie on workload, alphabetical), so Kiara's goes to Bob.
        Referral marcus = create(ReferralKind.REFERRAL, "PERSON_REFERRAL", person("Marcus Lee", "+1 555 0142", "marcus.lee@mail.example", "Shelbyville"),
                "HOME_EQUITY", "80000", "COLLEAGUE", colleague("wendy"), "Wants to renovate the kitchen.");
        Referral kiara = create(ReferralKind.REFERRAL, "PERSON_REFERRAL", person("Kiara Thompson", "+1 555 0101", "kiara.thompson@mail.example", "Springfield"),
                "MORTGAGE", "450000", "COLLEAGUE", colleague("ryan"),
                "Long-standing wealth client, buying her first house this spring. Prefers calls after 5 pm.");
        Referral oliver = create(ReferralKind.REFERRAL, "PERSON_REFERRAL", person("Oliver Grant", "+1 555 0133", null, "Springfield"),
                "MORTGAGE", "600000", "ADVOCATE", new ReferrerData(ReferrerType.ADVOCATE, DemoTeam.ADVOCATE_CODE, "Lena Ortiz"),
                "Offer accepted on a house on Elm Street; needs a mortgage in principle this week.");
        Referral grace = create(ReferralKind.REFERRAL, "RETIREMENT_PLANNING",
                new CustomerData(CustomerType.PERSON, "Grace Liu", "Springfield General Hospital", "+1 555 0188",
                        "grace.liu@mail.example", "Springfield", "Central", DemoTeam.EXISTING_CUSTOMER),
                "INVESTMENTS", "120000", "CALL_IN", colleague("rita"), "Inheritance to invest; already banks with us.");
        for (Referral waiting : new Referral[]{marcus, kiara, oliver, grace}) {
            awaitTask(waiting, REVIEW);
        }

        Referral sofia = create(ReferralKind.LEAD, "GENERAL", person("Sofia Alvarez", "+1 555 0177", "sofia.alvarez@mail.example", "Capital City"),
                "CREDIT_CARD", "15000", "WEB_FORM", new ReferrerData(ReferrerType.CUSTOMER, null, "Sofia Alvarez"), null);
        complete(sofia, REVIEW, Map.of("reviewDecision", "accept"));
        complete(sofia, WORK, Map.of("workOutcome", "logActivity", "activityType", "CALL",
                "activitySubject", "Called Sofia: wants a travel card", "activityOutcome", "Sent the card comparison"));

        Referral harold = create(ReferralKind.REFERRAL, "RETIREMENT_PLANNING", person("Harold Jensen", "+1 555 0190", null, "Ogdenville"),
                "RETIREMENT_PLANNING", "300000", "COLLEAGUE", colleague("bob"), "Retiring next year, has a pension to roll over.");
        complete(harold, REVIEW, Map.of("reviewDecision", "accept"));
        complete(harold, WORK, Map.of("workOutcome", "logActivity", "activityType", "MEETING",
                "activitySubject", "First meeting: pension statements reviewed", "activityDurationMinutes", 45L));
        complete(harold, WORK, Map.of("workOutcome", "convert", "opportunityAmount", 320000.0,
                "outcomeNote", "Rollover booked; first meeting done."));
        runJobs(harold);

        Referral nadia = create(ReferralKind.REFERRAL, "PERSON_REFERRAL", person("Nadia Haddad", null, "nadia.haddad@mail.example", "North Haverbrook"),
                "INSURANCE", "1200", "PARTNER", new ReferrerData(ReferrerType.PARTNER, "PARTNER-ACME", "Acme Realty"), null);
        complete(nadia, REVIEW, Map.of("reviewDecision", "accept"));
        complete(nadia, WORK, Map.of("workOutcome", "closeLost", "closeReason", "NOT_INTERESTED",
                "outcomeNote", "Already insured through her employer."));

        Referral bakery = create(ReferralKind.REFERRAL, "BUSINESS_REFERRAL",
                new CustomerData(CustomerType.BUSINESS, "Brightline Bakery LLC", null, "+1 555 0155", "owner@brightline.example", "Brockway", "North", null),
                "BUSINESS_LENDING", "250000", "COLLEAGUE", colleague("ryan"), "Second shop; needs equipment finance.");
        complete(bakery, REVIEW, Map.of("reviewDecision", "reject", "rejectReason", "WRONG_REGION",
                "reviewNote", "Brockway is covered by the northern branch."));
        awaitTask(bakery, REVIEW);
    }

    private Referral create(ReferralKind kind, String recordType, CustomerData customer, String interest, String amount,
                            String source, ReferrerData referrer, String notes) {
        return intake.create(new CreateReferralRequest(kind, recordType, customer, interest,
                new InterestValue(new BigDecimal(amount), "USD"), source, referrer, notes));
    }

    private void complete(Referral referral, String taskKey, Map<String, Object> variables) {
        taskService.complete(awaitTask(referral, taskKey).getId(), variables);
    }

    /** Runs the referral's due jobs (conversion, thanks, notifications) so the demo is settled when it is ready. */
    private void runJobs(Referral referral) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                    .executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    managementService.executeJob(job.getId());
                } catch (ProcessEngineException alreadyTaken) {
                    // the job executor ran it first
                }
            }
        }
    }

    /** The notification before each task is an async job: run it here (or let the job executor win the race). */
    private Task awaitTask(Referral referral, String taskKey) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<Task> task = lifecycleTasks.open(referral.getProcessInstanceId(), taskKey);
            if (task.isPresent()) {
                return task.get();
            }
            for (Job job : managementService.createJobQuery().processInstanceId(referral.getProcessInstanceId())
                    .executable().list()) {
                try {
                    managementService.executeJob(job.getId());
                } catch (ProcessEngineException alreadyTaken) {
                    // the job executor ran it first
                }
            }
            sleep();
        }
        throw new IllegalStateException("Demo referral " + referral.getReferenceNumber() + " never reached " + taskKey);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CustomerData person(String name, String phone, String email, String city) {
        return new CustomerData(CustomerType.PERSON, name, null, phone, email, city, "Central", null);
    }

    private static ReferrerData colleague(String userId) {
        return new ReferrerData(ReferrerType.INTERNAL_USER, userId, null);
    }
}
