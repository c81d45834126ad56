package org.relay.routing;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

/** processes/referral-routing.dmn as deployed, evaluated by the engine: each rule, and the catch-all. */
class ReferralRoutingDecisionTest extends RelayIntegrationTest {

    @Autowired
    DecisionService decisionService;

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4} {5}")
    @CsvSource(nullValues = "null", value = {
            "REFERRAL, PERSON_REFERRAL,     INVESTMENTS,         2500000, wealth-management, wendy, Private-client investments (1M+) to Wendy",
            "REFERRAL, PERSON_REFERRAL,     INVESTMENTS,         20000,   wealth-management, null,  Wealth products",
            "REFERRAL, BUSINESS_REFERRAL,   BUSINESS_LENDING,    250000,  business-banking,  null,  Business lending",
            "LEAD,     GENERAL,             MORTGAGE,            450000,  retail-lending,    null,  Home lending",
            "REFERRAL, PERSON_REFERRAL,     HOME_EQUITY,         null,    retail-lending,    null,  Home lending",
            "LEAD,     GENERAL,             CREDIT_CARD,         5000,    cards-and-loans,   null,  Cards and personal loans",
            "REFERRAL, RETIREMENT_PLANNING, INSURANCE,           null,    wealth-management, null,  Retirement planning record type",
            "REFERRAL, PERSON_REFERRAL,     INSURANCE,           1200,    insurance,         null,  Insurance",
            "REFERRAL, BUSINESS_REFERRAL,   CREDIT_CARD,         null,    cards-and-loans,   null,  Cards and personal loans",
            "REFERRAL, GENERAL,             SOMETHING_NEW,       null,    referral-desk,     null,  Catch-all: referral desk",
    })
    void routes(String kind, String recordType, String interest, Double amount, String queue, String assignee,
                String rule) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("kind", kind);
        inputs.put("recordType", recordType);
        inputs.put("expressedInterest", interest);
        inputs.put("interestAmount", amount);
        inputs.put("sourceChannel", "COLLEAGUE");
        inputs.put("customerCity", "Springfield");
        inputs.put("customerRegion", "Central");
        inputs.put("existingCustomer", false);

        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey("ReferralRouting")
                .variables(inputs).evaluate().getSingleResult();

        Assertions.assertThat((String) result.get("queue")).isEqualTo(queue);
        Assertions.assertThat((String) result.get("assignee")).isEqualTo(assignee);
        Assertions.assertThat((String) result.get("rule")).isEqualTo(rule);
    }
}
