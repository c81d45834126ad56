package org.relay.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Body of {@code POST /api/referrals}. Picklist codes are checked against the configured catalog. */
public record CreateReferralRequest(
        @NotNull ReferralKind kind,
        @NotBlank @Size(max = 40) String recordType,
        @NotNull @Valid CustomerData customer,
        @NotBlank @Size(max = 40) String expressedInterest,
        @Valid InterestValue interestValue,
        @NotBlank @Size(max = 40) String sourceChannel,
        @NotNull @Valid ReferrerData referrer,
        @Size(max = 4000) String notes,
        @Size(max = 80) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "{problem.common.no-control-characters}") String campaign,
        @Size(max = 40) String lawfulBasis) {

    /** Without a campaign: colleagues' referrals and most leads; the configured default lawful basis. */
    public CreateReferralRequest(ReferralKind kind, String recordType, CustomerData customer, String expressedInterest,
                                 InterestValue interestValue, String sourceChannel, ReferrerData referrer, String notes) {
        this(kind, recordType, customer, expressedInterest, interestValue, sourceChannel, referrer, notes, null, null);
    }

    /** From a campaign (imports), with the configured default lawful basis. */
    public CreateReferralRequest(ReferralKind kind, String recordType, CustomerData customer, String expressedInterest,
                                 InterestValue interestValue, String sourceChannel, ReferrerData referrer, String notes,
                                 String campaign) {
        this(kind, recordType, customer, expressedInterest, interestValue, sourceChannel, referrer, notes, campaign, null);
    }

    public CreateReferralRequest withLawfulBasis(String basis) {
        return new CreateReferralRequest(kind, recordType, customer, expressedInterest, interestValue, sourceChannel,
                referrer, notes, campaign, basis);
    }

    /**
     * The customer. {@code statusUpdates}: the customer agreed to be told by mail where their request stands; they
     * then get a confirmation with the link to their status page (needs an email). Optional, false when absent.
     */
    public record CustomerData(
            @NotNull CustomerType type,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String employer,
            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9][0-9 ().-]{5,38}$", message = "{problem.referral.phone}") String phone,
            @Size(max = 254) @Email String email,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 64) String existingCustomerId,
            @Size(max = 200) String contactName,
            @Size(max = 20) String postcode,
            @Past java.time.LocalDate dateOfBirth,
            Boolean statusUpdates,
            @Size(max = 20) String language) {

        /** Without a language: the customer is written to in the default language. */
        public CustomerData(CustomerType type, String name, String employer, String phone, String email, String city,
                            String region, String existingCustomerId, String contactName, String postcode,
                            java.time.LocalDate dateOfBirth, Boolean statusUpdates) {
            this(type, name, employer, phone, email, city, region, existingCustomerId, contactName, postcode,
                    dateOfBirth, statusUpdates, null);
        }

        public CustomerData(CustomerType type, String name, String employer, String phone, String email, String city,
                            String region, String existingCustomerId, String contactName, String postcode,
                            java.time.LocalDate dateOfBirth) {
            this(type, name, employer, phone, email, city, region, existingCustomerId, contactName, postcode,
                    dateOfBirth, null);
        }

        public CustomerData(CustomerType type, String name, String employer, String phone, String email, String city,
                            String region, String existingCustomerId) {
            this(type, name, employer, phone, email, city, region, existingCustomerId, null, null, null, null);
        }

        public CustomerData(CustomerType type, String name, String employer, String phone, String email, String city,
                            String region, String existingCustomerId, String contactName) {
            this(type, name, employer, phone, email, city, region, existingCustomerId, contactName, null, null, null);
        }
    }

    public record InterestValue(
            @NotNull @Positive @DecimalMax("9999999999999.99") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotBlank @Size(min = 3, max = 3) String currency) {
    }

    public record ReferrerData(
            @NotNull ReferrerType type,
            @Size(max = 64) String id,
            @Size(max = 200) String name) {
    }
}
