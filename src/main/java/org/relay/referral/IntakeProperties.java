package org.relay.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param defaultCountryCode calling code for phone numbers given without one (1 = US/Canada) */
@ConfigurationProperties("relay.intake")
public record IntakeProperties(String defaultCountryCode) {

    public IntakeProperties {
        defaultCountryCode = defaultCountryCode == null || defaultCountryCode.isBlank() ? "1"
                : defaultCountryCode.replaceAll("[^0-9]", "");
    }
}
