package org.relay.sla;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relay.support.RelayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

/** processes/referral-sla.dmn as deployed, evaluated by the engine: every rule, first match wins. */
class ReferralSlaDecisionTest extends RelayIntegrationTest {

    @Autowired
    DecisionService decisionService;

    @ParameterizedTest(name = "{0} {1} {2} → {6}")
    @CsvSource({
            "PERSON_REFERRAL,     HIGH,   MORTGAGE,         2,  4,  16, Hot lending referral",
            "BUSINESS_REFERRAL,   HIGH,   BUSINESS_LENDING, 2,  4,  16, Hot lending referral",
            "BUSINESS_REFERRAL,   NORMAL, BUSINESS_LENDING, 4,  8,  24, Business referral",
            "PERSON_REFERRAL,     HIGH,   INSURANCE,        4,  8,  24, High priority",
            "RETIREMENT_PLANNING, NORMAL, INVESTMENTS,      8,  16, 40, Retirement planning",
            "GENERAL,             LOW,    CREDIT_CARD,      16, 24, 80, Low priority",
            "GENERAL,             NORMAL, CREDIT_CARD,      8,  16, 40, Standard",
    })
    void decides(String recordType, String band, String interest, double remind, double escalate, double firstAction,
                 String rule) {
        DmnDecisionResultEntries result = decisionService.evaluateDecisionByKey("ReferralSla")
                .variables(Map.of("recordType", recordType, "priorityBand", band, "expressedInterest", interest))
                .evaluate().getSingleResult();

        Assertions.assertThat(result.<Object>get("remindAfterHours")).isEqualTo(remind);
        Assertions.assertThat(result.<Object>get("escalateAfterHours")).isEqualTo(escalate);
        Assertions.assertThat(result.<Object>get("firstActionWithinHours")).isEqualTo(firstAction);
        Assertions.assertThat(result.<Object>get("rule")).isEqualTo(rule);
    }
}
