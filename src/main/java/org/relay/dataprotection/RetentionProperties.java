package org.relay.dataprotection;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Period;
import java.util.Map;

/**
 * How long a closed referral keeps its customer data (relay.data-protection.retention), counted from when it
 * converted or closed: per record type, else the default. Afterwards processes/data-retention.bpmn anonymises it.
 */
@ConfigurationProperties("relay.data-protection.retention")
public record RetentionProperties(Period defaultPeriod, Map<String, Period> recordTypes) {

    public RetentionProperties {
        defaultPeriod = defaultPeriod == null ? Period.ofYears(5) : defaultPeriod;
        recordTypes = recordTypes == null ? Map.of() : Map.copyOf(recordTypes);
    }

    public Period of(String recordType) {
        return recordTypes.getOrDefault(recordType, defaultPeriod);
    }
}
