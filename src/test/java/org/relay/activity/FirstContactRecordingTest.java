package org.relay.activity;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Which activities are a first contact (notes and planned calls are not; a booked meeting is, done or not), that the
 * first one stays, and the start-up backfill of "within one business day" for referrals contacted before V24.
 */
class FirstContactRecordingTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;
    @Autowired
    ActivityLog activities;
    @Autowired
    org.relay.referral.ReferralRepository referrals;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    FirstContactBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void only_contact_with_the_customer_counts_and_the_first_one_stays() {
        Referral kiara = intake.create(RelayTestData.kiarasMortgage());
        String owner = kiara.getOwnerId();
        activities.record(kiara.getReferenceNumber(), activity(ActivityType.NOTE, true, owner));
        activities.record(kiara.getReferenceNumber(), activity(ActivityType.CALL, false, owner));
        Assertions.assertThat(firstContact(kiara)).as("a note and a planned call").isNull();

        // as the status page records the customer's booking (org.relay.meeting); staff cannot record this type
        transactions.executeWithoutResult(status -> activities.recordMeetingBooked(referrals.require(kiara.getId()),
                "Meeting booked", null, Instant.now().plus(java.time.Duration.ofDays(2)), 30, "customer"));
        Instant first = firstContact(kiara);
        Assertions.assertThat(first).as("a meeting booked for later").isNotNull();
        Assertions.assertThat(jdbc.queryForObject("select first_contact_by from referral where id = ?", String.class,
                kiara.getId())).isEqualTo(owner);
        Assertions.assertThat(jdbc.queryForObject("select first_contact_within_business_day from referral where id = ?",
                Boolean.class, kiara.getId())).isTrue();

        activities.record(kiara.getReferenceNumber(), activity(ActivityType.CALL, true, owner));
        Assertions.assertThat(firstContact(kiara)).as("the first contact stays").isEqualTo(first);
    }

    @Test
    void referrals_contacted_before_get_their_business_day_at_start_up() {
        Referral soon = intake.create(RelayTestData.kiarasMortgage());
        Referral late = intake.create(RelayTestData.referral("Liam Becker", "CREDIT_CARD", "8000", "ryan"));
        // as migration V24 leaves them: first contact known, "within one business day" not yet
        jdbc.update("update referral set first_contact_at = created_at + interval '1 hour', first_contact_by = owner_id, "
                + "first_contact_within_business_day = null where id = ?", soon.getId());
        jdbc.update("update referral set first_contact_at = created_at + interval '30 days', first_contact_by = owner_id, "
                + "first_contact_within_business_day = null where id = ?", late.getId());

        backfill.fill();

        Assertions.assertThat(jdbc.queryForList("select first_contact_within_business_day from referral where id in (?, ?) "
                + "order by id", Boolean.class, soon.getId(), late.getId())).isEqualTo(List.of(true, false));
    }

    private Instant firstContact(Referral referral) {
        java.sql.Timestamp at = jdbc.queryForObject("select first_contact_at from referral where id = ?",
                java.sql.Timestamp.class, referral.getId());
        return at == null ? null : at.toInstant();
    }

    private static ActivityInput activity(ActivityType type, boolean done, String by) {
        return new ActivityInput(type, type + " with Kiara", null, null, null, null, done, null, by);
    }
}
