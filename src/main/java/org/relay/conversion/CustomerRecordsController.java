package org.relay.conversion;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.NotFoundException;
import org.relay.common.ProblemTexts;
import org.relay.common.ReadOnly;
import org.relay.referral.CustomerType;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.relay.referral.ReferralAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The customer records conversions create — accounts, their contacts, households — for those who may read a
 * converted referral's customer ({@link ReferralAccess#mayReadCustomerOf}): through any referral of the account.
 * Anyone else gets 404, as if the record did not exist. Every read is audited.
 */
@RestController
class CustomerRecordsController {

    record AccountView(Long id, CustomerType type, String name, String email, String phone, String existingCustomerId,
                       String city, String region, HouseholdRef household, List<ContactView> contacts,
                       List<String> referrals, Instant createdAt) {
    }

    record ContactView(Long id, Long accountId, String name, String email, String phone, Instant createdAt) {

        static ContactView of(Contact c) {
            return new ContactView(c.getId(), c.getAccountId(), c.getName(), c.getEmail(), c.getPhone(), c.getCreatedAt());
        }
    }

    record HouseholdRef(Long id, String name) {
    }

    record AccountRef(Long id, String name, CustomerType type) {
    }

    record HouseholdView(Long id, String name, List<AccountRef> accounts, Instant createdAt) {
    }

    private final CustomerAccountRepository accounts;
    private final ContactRepository contacts;
    private final HouseholdRepository households;
    private final ReferralRepository referrals;
    private final ReferralAccess access;
    private final Callers callers;
    private final AuditTrail audit;
    private final ReadOnly readOnly;

    CustomerRecordsController(CustomerAccountRepository accounts, ContactRepository contacts,
                              HouseholdRepository households, ReferralRepository referrals, ReferralAccess access,
                              Callers callers, AuditTrail audit, ReadOnly readOnly) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.households = households;
        this.referrals = referrals;
        this.access = access;
        this.callers = callers;
        this.audit = audit;
        this.readOnly = readOnly;
    }

    @GetMapping("/api/accounts/{id}")
    AccountView account(@PathVariable Long id) {
        AccountView view = readOnly.read(() -> {
            CustomerAccount account = readable(id);
            Household household = account.getHouseholdId() == null ? null
                    : households.findById(account.getHouseholdId()).orElse(null);
            return new AccountView(account.getId(), account.getType(), account.getName(), account.getEmailNormalized(),
                    account.getPhoneNormalized(), account.getExistingCustomerId(), account.getCity(), account.getRegion(),
                    household == null ? null : new HouseholdRef(household.getId(), household.getName()),
                    contacts.findByAccountIdOrderByIdAsc(id).stream().map(ContactView::of).toList(),
                    readableReferrals(id), account.getCreatedAt());
        });
        audit.write(AuditAction.VIEWED, null, "account " + id, "customer account", null);
        return view;
    }

    @GetMapping("/api/contacts/{id}")
    ContactView contact(@PathVariable Long id) {
        ContactView view = readOnly.read(() -> {
            Contact contact = contacts.findById(id).orElseThrow(() -> notFound("contact", id));
            if (!mayRead(contact.getAccountId())) {
                throw notFound("contact", id);
            }
            return ContactView.of(contact);
        });
        audit.write(AuditAction.VIEWED, null, "contact " + id, "customer contact", null);
        return view;
    }

    /** A household with the member accounts the caller may read; 404 when they may read none of them. */
    @GetMapping("/api/households/{id}")
    HouseholdView household(@PathVariable Long id) {
        HouseholdView view = readOnly.read(() -> {
            Household household = households.findById(id).orElseThrow(() -> notFound("household", id));
            List<AccountRef> members = accounts.findByHouseholdIdOrderByIdAsc(id).stream()
                    .filter(a -> mayRead(a.getId()))
                    .map(a -> new AccountRef(a.getId(), a.getName(), a.getType())).toList();
            if (members.isEmpty()) {
                throw notFound("household", id);
            }
            return new HouseholdView(household.getId(), household.getName(), members, household.getCreatedAt());
        });
        audit.write(AuditAction.VIEWED, null, "household " + id, "household", null);
        return view;
    }

    private CustomerAccount readable(Long id) {
        CustomerAccount account = accounts.findById(id).orElseThrow(() -> notFound("account", id));
        if (!mayRead(id)) {
            throw notFound("account", id);
        }
        return account;
    }

    private boolean mayRead(Long accountId) {
        Caller caller = callers.current();
        return referrals.findByAccountId(accountId).stream().anyMatch(r -> access.mayReadCustomerOf(caller, r));
    }

    /** The reference numbers of the account's referrals the caller may read the customer of. */
    private List<String> readableReferrals(Long accountId) {
        Caller caller = callers.current();
        return referrals.findByAccountId(accountId).stream().filter(r -> access.mayReadCustomerOf(caller, r))
                .map(Referral::getReferenceNumber).sorted().toList();
    }

    private static NotFoundException notFound(String what, Long id) {
        return new NotFoundException(ProblemTexts.text("problem.customer-record.not-found." + what, String.valueOf(id)));
    }
}
