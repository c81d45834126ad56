package org.relay.rewards;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Optional;

import static org.relay.rewards.RewardOutcome.ACCEPTED;
import static org.relay.rewards.RewardOutcome.CONVERTED;
import static org.relay.rewards.RewardOutcome.OPPORTUNITY_WON;
import static org.relay.rewards.RewardReferrerType.ADVOCATE;
import static org.relay.rewards.RewardReferrerType.CUSTOMER;
import static org.relay.rewards.RewardReferrerType.EMPLOYEE;
import static org.relay.rewards.RewardReferrerType.PARTNER;

/** processes/referral-rewards.dmn rule by rule, as the engine evaluates it (hit policy FIRST, the catch-all last). */
class RewardRulesTest extends RelayIntegrationTest {

    @Autowired
    RewardRules rules;

    @Test
    void employees_earn_points_for_each_outcome_and_a_large_lending_win_needs_approval() {
        expect(decide(EMPLOYEE, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.SMALL, ACCEPTED), 5, null, false, "Employee: referral accepted");
        expect(decide(EMPLOYEE, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.SMALL, CONVERTED), 25, null, false, "Employee: referral converted");
        expect(decide(EMPLOYEE, "PERSON_REFERRAL", "MORTGAGE", ValueBand.LARGE, OPPORTUNITY_WON), 150, null, true,
                "Employee: large lending deal won");
        expect(decide(EMPLOYEE, "BUSINESS_REFERRAL", "BUSINESS_LENDING", ValueBand.VERY_LARGE, OPPORTUNITY_WON), 150, null, true,
                "Employee: large lending deal won");
        // a small mortgage, or a large deal of another product, is an ordinary win
        expect(decide(EMPLOYEE, "PERSON_REFERRAL", "MORTGAGE", ValueBand.MEDIUM, OPPORTUNITY_WON), 75, null, false, "Employee: opportunity won");
        expect(decide(EMPLOYEE, "PERSON_REFERRAL", "INVESTMENTS", ValueBand.VERY_LARGE, OPPORTUNITY_WON), 75, null, false,
                "Employee: opportunity won");
    }

    @Test
    void advocates_earn_money_on_conversion_and_win_and_a_mortgage_win_needs_approval() {
        Assertions.assertThat(decide(ADVOCATE, "PERSON_REFERRAL", "MORTGAGE", ValueBand.LARGE, ACCEPTED)).as("no reward on acceptance").isEmpty();
        expectAmount(decide(ADVOCATE, "PERSON_REFERRAL", "MORTGAGE", ValueBand.LARGE, OPPORTUNITY_WON), "250.00", true, "Advocate: mortgage won");
        expectAmount(decide(ADVOCATE, "PERSON_REFERRAL", "HOME_EQUITY", ValueBand.SMALL, OPPORTUNITY_WON), "250.00", true, "Advocate: mortgage won");
        expectAmount(decide(ADVOCATE, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.SMALL, OPPORTUNITY_WON), "100.00", false, "Advocate: opportunity won");
        expectAmount(decide(ADVOCATE, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.NONE, CONVERTED), "25.00", false, "Advocate: referral converted");
    }

    @Test
    void partners_are_paid_on_a_win_only_always_with_approval() {
        expectAmount(decide(PARTNER, "BUSINESS_REFERRAL", "BUSINESS_LENDING", ValueBand.LARGE, OPPORTUNITY_WON), "500.00", true, "Partner: business deal won");
        expectAmount(decide(PARTNER, "PERSON_REFERRAL", "INSURANCE", ValueBand.SMALL, OPPORTUNITY_WON), "150.00", true, "Partner: opportunity won");
        Assertions.assertThat(decide(PARTNER, "PERSON_REFERRAL", "INSURANCE", ValueBand.SMALL, CONVERTED)).isEmpty();
    }

    @Test
    void customers_get_a_small_gift_when_the_deal_is_won_and_nothing_else() {
        expectAmount(decide(CUSTOMER, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.SMALL, OPPORTUNITY_WON), "50.00", false,
                "Customer: friend's opportunity won");
        Assertions.assertThat(decide(CUSTOMER, "PERSON_REFERRAL", "CREDIT_CARD", ValueBand.SMALL, ACCEPTED)).as("the catch-all").isEmpty();
        Assertions.assertThat(decide(CUSTOMER, "GENERAL", "MORTGAGE", ValueBand.VERY_LARGE, CONVERTED)).as("the catch-all").isEmpty();
    }

    @Test
    void value_bands_have_their_edges_where_the_table_says() {
        Assertions.assertThat(ValueBand.of(null)).isEqualTo(ValueBand.NONE);
        Assertions.assertThat(ValueBand.of(new BigDecimal("9999.99"))).isEqualTo(ValueBand.SMALL);
        Assertions.assertThat(ValueBand.of(new BigDecimal("10000"))).isEqualTo(ValueBand.MEDIUM);
        Assertions.assertThat(ValueBand.of(new BigDecimal("100000"))).isEqualTo(ValueBand.LARGE);
        Assertions.assertThat(ValueBand.of(new BigDecimal("500000"))).isEqualTo(ValueBand.VERY_LARGE);
    }

    private Optional<RewardRules.Result> decide(RewardReferrerType type, String recordType, String product, ValueBand band,
                                                RewardOutcome outcome) {
        return rules.decide(new RewardRules.Facts(type, recordType, product, band, outcome));
    }

    private static void expect(Optional<RewardRules.Result> result, int points, BigDecimal amount, boolean approval, String rule) {
        Assertions.assertThat(result).isPresent();
        Assertions.assertThat(result.get().points()).isEqualTo(points);
        Assertions.assertThat(result.get().amount()).isEqualTo(amount);
        Assertions.assertThat(result.get().approvalRequired()).isEqualTo(approval);
        Assertions.assertThat(result.get().rule()).isEqualTo(rule);
    }

    private static void expectAmount(Optional<RewardRules.Result> result, String amount, boolean approval, String rule) {
        Assertions.assertThat(result).isPresent();
        Assertions.assertThat(result.get().points()).isZero();
        Assertions.assertThat(result.get().amount()).isEqualByComparingTo(amount);
        Assertions.assertThat(result.get().currency()).isEqualTo("USD");
        Assertions.assertThat(result.get().approvalRequired()).isEqualTo(approval);
        Assertions.assertThat(result.get().rule()).isEqualTo(rule);
    }
}
