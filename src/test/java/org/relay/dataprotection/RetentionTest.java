package org.relay.dataprotection;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Retention: the nightly process anonymises closed referrals whose record type's period has passed (two years for
 * General leads, five for the rest in application.yaml), and leaves younger ones and open ones alone.
 */
class RetentionTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void closed_referrals_past_their_record_types_period_are_anonymised_by_the_nightly_process() {
        Referral oldPerson = closedLost(RelayTestData.referral("Olga Oldfield", "MORTGAGE", "200000", "ryan"), 3);
        Referral oldLead = closedLost(general("Gus Generalov"), 3);
        Referral ancientPerson = closedLost(RelayTestData.referral("Abe Ancient", "MORTGAGE", "200000", "ryan"), 6);
        Referral open = intake.create(RelayTestData.referral("Otto Open", "MORTGAGE", "200000", "ryan"));
        backdate(open, 10);

        var runtime = processEngine.getRuntimeService();
        var management = processEngine.getManagementService();
        String instance = runtime.startProcessInstanceByKey("DataRetentionProcess").getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

        Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
                .as("nothing left: the process ended").isZero();
        Assertions.assertThat(name(oldLead)).isEqualTo(PersonalDataEraser.ERASED_NAME);
        Assertions.assertThat(name(ancientPerson)).isEqualTo(PersonalDataEraser.ERASED_NAME);
        Assertions.assertThat(name(oldPerson)).as("a person referral keeps five years").isEqualTo("Olga Oldfield");
        Assertions.assertThat(name(open)).as("open referrals are never anonymised").isEqualTo("Otto Open");
        Assertions.assertThat(data.reload(ancientPerson).getExpressedInterest()).isEqualTo("MORTGAGE");
        Assertions.assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ANONYMISED'"
                + " and referral_number in (?, ?)", Integer.class, oldLead.getReferenceNumber(),
                ancientPerson.getReferenceNumber())).isEqualTo(2);
    }

    private Referral closedLost(CreateReferralRequest request, int yearsAgo) {
        Referral referral = intake.create(request);
        var tasks = processEngine.getTaskService();
        tasks.complete(task(referral).getId(), Map.of("reviewDecision", "accept"));
        tasks.complete(task(referral).getId(), Map.of("workOutcome", "closeLost", "closeReason", "UNREACHABLE",
                "outcomeNote", "no answer"));
        var management = processEngine.getManagementService();
        for (var job : management.createJobQuery().processInstanceId(referral.getProcessInstanceId()).list()) {
            management.executeJob(job.getId());   // close as lost, then the referrer score update
        }
        backdate(referral, yearsAgo);
        return referral;
    }

    private void backdate(Referral referral, int years) {
        Timestamp then = Timestamp.from(Instant.now().atOffset(ZoneOffset.UTC).minusYears(years).toInstant());
        jdbc.update("update referral set created_at = ? where id = ?", then, referral.getId());
        jdbc.update("update referral set closed_at = ? where id = ? and closed_at is not null", then, referral.getId());
    }

    private String name(Referral referral) {
        return jdbc.queryForObject("select customer_name from referral where id = ?", String.class, referral.getId());
    }

    private org.camunda.bpm.engine.task.Task task(Referral referral) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(referral.getProcessInstanceId())
                .singleResult();
    }

    private static CreateReferralRequest general(String name) {
        CreateReferralRequest person = RelayTestData.referral(name, "CREDIT_CARD", "5000", "ryan");
        return new CreateReferralRequest(person.kind(), "GENERAL", person.customer(), person.expressedInterest(),
                person.interestValue(), person.sourceChannel(), person.referrer(), person.notes());
    }
}
