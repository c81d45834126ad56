package org.relay.conversion;

import org.relay.i18n.StoredSentence;
import org.relay.referral.Customer;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralEventType;
import org.relay.referral.ReferralTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a referral into business: matches or creates the customer account and contact, attaches a person to a
 * household, creates the opportunity (attributed to the referral and its referrer) and marks the referral
 * converted. Idempotent: the referral's opportunity, once created, is returned as it is.
 */
@Service
public class ReferralConversion {

    static final int DEFAULT_CLOSE_DAYS = 30;

    private final OpportunityRepository opportunities;
    private final CustomerAccountRepository accounts;
    private final ContactRepository contacts;
    private final HouseholdRepository households;
    private final ReferralTimeline timeline;
    private final Clock clock;

    ReferralConversion(OpportunityRepository opportunities, CustomerAccountRepository accounts,
                       ContactRepository contacts, HouseholdRepository households, ReferralTimeline timeline,
                       Clock clock) {
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.households = households;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Opportunity convert(Referral referral, BigDecimal amount, LocalDate expectedCloseDate, String note) {
        Optional<Opportunity> existing = opportunities.findByReferralId(referral.getId());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Customer customer = referral.getCustomer();
        CustomerAccount account = match(customer).orElseGet(() -> accounts.save(new CustomerAccount(customer.getType(),
                customer.getName(), customer.getEmailNormalized(), customer.getPhoneNormalized(),
                customer.getExistingCustomerId(), customer.getCity(), customer.getRegion(), now)));
        if (customer.isExistingCustomer()) {
            account.knownAs(customer.getExistingCustomerId());
        }
        if (account.getType() == CustomerType.PERSON && account.getHouseholdId() == null) {
            account.joinHousehold(households.save(new Household(householdName(account.getName()), now)).getId());
        }
        Contact contact = contactFor(account, customer, now);
        Opportunity opportunity = opportunities.save(new Opportunity(referral.getId(), referral.getExpressedInterest(),
                amount != null ? amount : referral.getInterestAmount(), referral.getInterestCurrency(),
                referral.getOwnerId(), now, account.getId(), contact.getId(),
                expectedCloseDate != null ? expectedCloseDate : LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(DEFAULT_CLOSE_DAYS),
                referral.getReferrer().getType().name(), referral.getReferrer().getId()));
        timeline.record(referral, ReferralEventType.CONVERTED, referral.getOwnerId(), null,
                note == null ? StoredSentence.of("timeline.converted", opportunity.getId(), account.getId())
                        : StoredSentence.of("timeline.converted.note", opportunity.getId(), account.getId(), note));
        referral.convertedInto(account.getId(), now);
        return opportunity;
    }

    /** The bank's customer id first, then the same email, then the same phone and name. */
    private Optional<CustomerAccount> match(Customer customer) {
        if (customer.isExistingCustomer()) {
            Optional<CustomerAccount> byId = accounts.findByExistingCustomerId(customer.getExistingCustomerId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        String email = customer.getEmailNormalized();
        if (email != null) {
            Optional<CustomerAccount> byEmail = accounts.findByEmailNormalizedOrderByIdAsc(email).stream()
                    .filter(a -> a.getType() == customer.getType()).findFirst();
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        String phone = customer.getPhoneNormalized();
        if (phone != null) {
            return accounts.findByPhoneNormalizedOrderByIdAsc(phone).stream()
                    .filter(a -> a.getType() == customer.getType() && a.getName().equalsIgnoreCase(customer.getName()))
                    .findFirst();
        }
        return Optional.empty();
    }

    private Contact contactFor(CustomerAccount account, Customer customer, Instant now) {
        String name = account.getType() == CustomerType.BUSINESS
                ? Objects.requireNonNullElse(customer.getContactName(), "Main contact") : customer.getName();
        return contacts.findByAccountIdOrderByIdAsc(account.getId()).stream()
                .filter(c -> c.getName().equalsIgnoreCase(name))
                .findFirst()
                .orElseGet(() -> contacts.save(new Contact(account.getId(), name, customer.getEmail(), customer.getPhone(), now)));
    }

    private static String householdName(String personName) {
        String[] parts = personName.trim().split("\\s+");
        return parts[parts.length - 1].toUpperCase(Locale.ROOT).charAt(0) + parts[parts.length - 1].substring(1)
                + " household";
    }
}
