package org.relay.intake;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.referral.ContactPoints;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferralStatus;
import org.relay.referral.ReferralTimeline;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.relay.referral.RelatedReferrals;
import org.relay.support.RelayIntegrationTest;
import org.relay.support.RelayTestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/** The same customer asking twice, in other words: found, surfaced, merged or kept. */
class DuplicateDetectionTest extends RelayIntegrationTest {

    @Autowired
    ReferralIntake intake;

    @Autowired
    ReferralRepository referrals;

    @Autowired
    RelatedReferrals related;

    @Autowired
    ReferralViews views;

    @Autowired
    ReferralTimeline timeline;

    @Autowired
    DuplicateResolution duplicates;

    @Test
    void phones_are_compared_in_e164() {
        Assertions.assertThat(ContactPoints.phone("+1 (555) 010-1234", "1")).isEqualTo("+15550101234");
        Assertions.assertThat(ContactPoints.phone("555.010.1234", "1")).isEqualTo("+15550101234");
        Assertions.assertThat(ContactPoints.phone("001 555 010 1234", "1")).isEqualTo("+15550101234");
        Assertions.assertThat(ContactPoints.phone("020 7946 0000", "44")).isEqualTo("+442079460000");
        Assertions.assertThat(ContactPoints.email("  Rachel.Adams@Mail.Example ")).isEqualTo("rachel.adams@mail.example");
    }

    @Test
    void a_second_interest_with_the_same_email_is_surfaced_on_the_new_referral() {
        Referral mortgage = intake.create(customer("Rachel Adams", "rachel.adams@mail.example", null, "MORTGAGE"));
        Referral card = intake.create(customer("Rachel Adams", "RACHEL.Adams@Mail.Example", null, "CREDIT_CARD"));

        ReferralView view = views.detail(card.getReferenceNumber());
        Assertions.assertThat(view.relatedOpenReferrals()).singleElement()
                .satisfies(r -> Assertions.assertThat(r.referenceNumber()).isEqualTo(mortgage.getReferenceNumber()));
        // the note is on the referral's timeline (the Review form shows the view's relatedOpenReferrals), not in the engine
        Assertions.assertThat(timeline.of(card)).anyMatch(e -> e.getType() == ReferralEventType.POSSIBLE_DUPLICATE
                && ("Rachel Adams already has an open mortgage interest with Retail Lending ("
                        + mortgage.getReferenceNumber() + ", Alice Romero).").equals(e.getDetail()));
        Assertions.assertThat(processEngine.getRuntimeService().getVariables(card.getProcessInstanceId()).values())
                .doesNotContain("Rachel Adams", "rachel.adams@mail.example");
    }

    @Test
    void the_same_phone_written_differently_or_the_same_customer_id_match_and_closed_referrals_do_not() {
        Referral first = intake.create(customer("R. Adams", null, "+1 (555) 010-1234", "MORTGAGE"));
        Referral second = intake.create(customer("Rachel Adams", null, "555-010-1234", "INSURANCE"));
        Assertions.assertThat(related.openFor(second)).extracting(Referral::getId).containsExactly(first.getId());

        var base = RelayTestData.referral("Someone", "INVESTMENTS", "50000", "ryan");
        var withId = new CreateReferralRequest(base.kind(), base.recordType(), new CreateReferralRequest.CustomerData(
                CustomerType.PERSON, "Rachel A.", null, null, "other@mail.example", null, null, "C-77"),
                base.expressedInterest(), base.interestValue(), base.sourceChannel(), base.referrer(), null);
        Referral byId = intake.create(withId);
        Referral byIdAgain = intake.create(withId);
        Assertions.assertThat(related.openFor(byIdAgain)).extracting(Referral::getId).contains(byId.getId());

        processEngine.getTaskService().complete(processEngine.getTaskService().createTaskQuery()
                .processInstanceId(first.getProcessInstanceId()).singleResult().getId(), Map.of("reviewDecision", "accept"));
        processEngine.getTaskService().complete(processEngine.getTaskService().createTaskQuery()
                .processInstanceId(first.getProcessInstanceId()).singleResult().getId(),
                Map.of("workOutcome", "closeLost", "closeReason", "NOT_INTERESTED"));
        Assertions.assertThat(related.openFor(second)).isEmpty();
    }

    @Test
    void the_same_name_with_the_same_postcode_or_birth_date_matches() {
        var base = RelayTestData.referral("x", "MORTGAGE", "100000", "ryan");
        Referral first = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Rachel Adams", null, "+1 555 0101", null,
                        null, null, null, null, "sw1a 1aa", java.time.LocalDate.of(1988, 4, 2)),
                "MORTGAGE", base.interestValue(), base.sourceChannel(), base.referrer(), null));
        Referral byPostcode = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "rachel  ADAMS", null, "+1 555 0999", null,
                        null, null, null, null, "SW1A1AA", null),
                "INSURANCE", base.interestValue(), base.sourceChannel(), base.referrer(), null));
        Referral byBirthDate = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Rachel Adams", null, null, "ra@mail.example",
                        null, null, null, null, null, java.time.LocalDate.of(1988, 4, 2)),
                "INVESTMENTS", base.interestValue(), base.sourceChannel(), base.referrer(), null));
        Referral namesake = intake.create(new CreateReferralRequest(base.kind(), base.recordType(),
                new CreateReferralRequest.CustomerData(CustomerType.PERSON, "Rachel Adams", null, null, "other@mail.example",
                        null, null, null, null, "90210", java.time.LocalDate.of(1990, 1, 1)),
                "INVESTMENTS", base.interestValue(), base.sourceChannel(), base.referrer(), null));

        Assertions.assertThat(related.openFor(byPostcode)).extracting(Referral::getId).containsExactly(first.getId());
        Assertions.assertThat(related.openFor(byBirthDate)).extracting(Referral::getId).containsExactly(first.getId());
        Assertions.assertThat(related.openFor(namesake)).isEmpty();
    }

    @Test
    void merging_closes_the_duplicate_and_ends_its_lifecycle() {
        Referral original = intake.create(customer("Rachel Adams", "rachel@mail.example", null, "MORTGAGE"));
        Referral duplicate = intake.create(customer("Rachel Adams", "rachel@mail.example", null, "MORTGAGE"));

        duplicates.merge(duplicate.getReferenceNumber(),
                new DuplicateResolution.MergeRequest(original.getReferenceNumber(), "bob", "same house purchase"));

        Referral closed = referrals.findById(duplicate.getId()).orElseThrow();
        Assertions.assertThat(closed.getStatus()).isEqualTo(ReferralStatus.CLOSED_LOST);
        Assertions.assertThat(closed.getCloseReason()).isEqualTo("DUPLICATE");
        Assertions.assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(duplicate.getProcessInstanceId()).count()).isZero();
        Assertions.assertThat(timeline.of(original)).anyMatch(e -> e.getType() == ReferralEventType.MERGED);
        Assertions.assertThat(referrals.findById(original.getId()).orElseThrow().getStatus()).isEqualTo(ReferralStatus.ASSIGNED);
    }

    @Test
    void keeping_both_is_recorded() {
        intake.create(customer("Rachel Adams", "rachel@mail.example", null, "MORTGAGE"));
        Referral second = intake.create(customer("Rachel Adams", "rachel@mail.example", null, "INSURANCE"));

        duplicates.keepBoth(second.getReferenceNumber(), new DuplicateResolution.KeepRequest("ivan", "Home insurance is separate"));

        Assertions.assertThat(timeline.of(second)).anyMatch(e -> e.getType() == ReferralEventType.DUPLICATE_KEPT
                && e.getDetail().equals("Home insurance is separate"));
        Assertions.assertThat(referrals.findById(second.getId()).orElseThrow().getStatus().isOpen()).isTrue();
    }

    private static CreateReferralRequest customer(String name, String email, String phone, String product) {
        var base = RelayTestData.referral(name, product, "100000", "ryan");
        return new CreateReferralRequest(base.kind(), base.recordType(), new CreateReferralRequest.CustomerData(
                CustomerType.PERSON, name, null, phone, email, "Springfield", "Central", null),
                product, base.interestValue(), base.sourceChannel(), base.referrer(), null);
    }
}
