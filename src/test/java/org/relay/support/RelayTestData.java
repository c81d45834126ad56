package org.relay.support;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.CreateReferralRequest.CustomerData;
import org.relay.referral.CreateReferralRequest.InterestValue;
import org.relay.referral.CreateReferralRequest.ReferrerData;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralKind;
import org.relay.referral.ReferralRepository;
import org.relay.referral.ReferrerType;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;

/** Referral requests for tests, and a reset to an empty Relay between tests. */
@TestComponent
public class RelayTestData {

    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ReferralRepository referrals;

    RelayTestData(RuntimeService runtimeService, JdbcTemplate jdbc, ReferralRepository referrals) {
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.referrals = referrals;
    }

    public void clear() {
        List<String> running = runtimeService.createProcessInstanceQuery().list().stream()
                .map(ProcessInstance::getId).toList();
        // in slices: one command deleting thousands of instances (after the CSV import test) sorts its flush quadratically
        for (int from = 0; from < running.size(); from += 200) {
            runtimeService.deleteProcessInstances(running.subList(from, Math.min(from + 200, running.size())),
                    "test reset", true, true);
        }
        // rewards (org.relay.rewards) point at referrals and at their payout batches
        jdbc.update("delete from reward_finding");
        jdbc.update("delete from reward_ledger_entry");
        jdbc.update("delete from reward");
        jdbc.update("delete from reward_payout_batch");
        jdbc.update("delete from reward_referrer_unit");
        jdbc.update("delete from import_dedup");
        jdbc.update("delete from import_row_error");
        jdbc.update("delete from import_row");
        jdbc.update("delete from import_job");
        jdbc.update("delete from idempotency_key");
        jdbc.update("delete from opportunity");
        jdbc.update("delete from meeting_booking");
        jdbc.update("delete from meeting_offer");
        jdbc.update("delete from activity");
        jdbc.update("delete from notification_sent");
        jdbc.update("delete from referrer_turn");
        jdbc.update("delete from referrer_preference");
        jdbc.update("delete from action_link_use");
        jdbc.update("delete from access_link");
        jdbc.update("delete from referral_event");
        jdbc.update("delete from referrer_standing");
        jdbc.update("delete from referral_monthly_rollup");
        jdbc.update("delete from referrer_monthly_rollup");
        jdbc.update("delete from report_rollup_state");
        jdbc.update("delete from recipient_monthly_rollup");
        jdbc.update("delete from first_contact_monthly_rollup");
        jdbc.update("delete from lead_score_model");
        jdbc.update("delete from referral");
        jdbc.update("delete from contact");
        jdbc.update("delete from customer_account");
        jdbc.update("delete from household");
        jdbc.update("delete from recipient");
        jdbc.update("delete from advocate");
        jdbc.update("delete from customer_advisor");
    }

    public Referral reload(Referral referral) {
        return referrals.findById(referral.getId()).orElseThrow();
    }

    /** Ryan refers his client Kiara, who wants a mortgage: the product's story. */
    public static CreateReferralRequest kiarasMortgage() {
        return referral("Kiara Thompson", "MORTGAGE", "450000", "ryan");
    }

    /** A customer Lena Ortiz (the demo's realtor advocate, ADV-123) refers: a 320 000 interest in {@code product}. */
    public static CreateReferralRequest advocatesReferral(String customer, String email, String product) {
        return new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CustomerData(CustomerType.PERSON, customer, null, "+1 555 0142", email, "Springfield", "Central", null),
                product, new InterestValue(new BigDecimal("320000"), "USD"), "ADVOCATE",
                new ReferrerData(ReferrerType.ADVOCATE, "ADV-123", null), null);
    }

    public static CreateReferralRequest referral(String customerName, String interest, String amount, String referrer) {
        return new CreateReferralRequest(ReferralKind.REFERRAL, "PERSON_REFERRAL",
                new CustomerData(CustomerType.PERSON, customerName, null, "+1 555 0101", "customer@mail.example",
                        "Springfield", "Central", null),
                interest, new InterestValue(new BigDecimal(amount), "USD"), "COLLEAGUE",
                new ReferrerData(ReferrerType.INTERNAL_USER, referrer, null), "Buying a first house");
    }
}
