package org.relay.scoring;

import org.relay.referral.LeadGrade;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;

/** lead-score-prior.dmn as the engine evaluates it, against sums worked out by hand from the table. */
class PriorLeadScoreTest extends RelayIntegrationTest {

    @Autowired
    PriorLeadScore prior;

    @Test
    void a_colleagues_mortgage_referral_with_full_contact_details() {
        // base 40 + referred 10 + value 250k+ 12 + phone 8 + email 4 = 74; the referrer's record is average
        LeadScore score = prior.of(new LeadFacts("REFERRAL", "PERSON_REFERRAL", "MORTGAGE", "COLLEAGUE", false,
                "PERSON", true, true, new BigDecimal("450000"), 40, "retail-lending", null, null));
        Assertions.assertThat(score.score()).isEqualTo(74);
        Assertions.assertThat(score.grade()).isEqualTo(LeadGrade.B);
        Assertions.assertThat(score.factorText())
                .isEqualTo("value=250k+ +12, kind=REFERRAL +10, phone=given +8");
        Assertions.assertThat(score.model()).isEqualTo(LeadScore.PRIOR);
    }

    @Test
    void a_purchased_list_lead_without_a_phone() {
        // base 40 − cold list 12 − no phone 6 + email 4 = 26
        LeadScore score = prior.of(new LeadFacts("LEAD", "GENERAL", "CREDIT_CARD", "PURCHASED_LIST", false,
                "PERSON", false, true, null, null, null, null, null));
        Assertions.assertThat(score.score()).isEqualTo(26);
        Assertions.assertThat(score.grade()).isEqualTo(LeadGrade.C);
        Assertions.assertThat(score.factorText()).isEqualTo("sourceKind=cold −12, phone=missing −6, email=given +4");
    }

    @Test
    void a_walk_in_existing_customer_referred_by_a_star_referrer_is_capped_at_100() {
        // 40 + 10 + 15 + 12 + 8 + 4 + 6 + 8 = 103 → 100
        LeadScore score = prior.of(new LeadFacts("REFERRAL", "PERSON_REFERRAL", "MORTGAGE", "WALK_IN", true,
                "PERSON", true, true, new BigDecimal("300000"), 70, null, null, null));
        Assertions.assertThat(score.score()).isEqualTo(100);
        Assertions.assertThat(score.grade()).isEqualTo(LeadGrade.A);
        Assertions.assertThat(score.factorText()).startsWith("customer=existing +15, value=250k+ +12");
    }

    @Test
    void the_history_free_evaluation_agrees_with_the_engines() {
        LeadFacts facts = new LeadFacts("LEAD", "GENERAL", "INSURANCE", "CALL_IN", true, "PERSON", true, false,
                new BigDecimal("60000"), null, null, null, null);
        Assertions.assertThat(prior.withoutHistory().apply(facts)).isEqualTo(prior.of(facts));
    }
}
