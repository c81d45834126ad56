package org.relay.referral;

import org.relay.catalog.Catalog;
import org.relay.common.DirectoryNames;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Other open referrals of the same customer (same bank customer id, email, phone, or name with postcode or date of
 * birth), across lines of business, so a
 * second interest is surfaced instead of silently handled twice.
 */
@Component
public class RelatedReferrals {

    private static final int SHOWN = 3;

    private final ReferralRepository referrals;
    private final Catalog catalog;
    private final DirectoryNames names;

    RelatedReferrals(ReferralRepository referrals, Catalog catalog, DirectoryNames names) {
        this.names = names;
        this.referrals = referrals;
        this.catalog = catalog;
    }

    public List<Referral> openFor(Referral referral) {
        Customer customer = referral.getCustomer();
        java.util.Map<Long, Referral> found = new java.util.TreeMap<>();
        if (customer.getExistingCustomerId() != null) {
            referrals.findOpenByExistingCustomerId(customer.getExistingCustomerId()).forEach(r -> found.put(r.getId(), r));
        }
        if (customer.getEmailNormalized() != null) {
            referrals.findOpenByEmail(customer.getEmailNormalized()).forEach(r -> found.put(r.getId(), r));
        }
        if (customer.getPhoneNormalized() != null) {
            referrals.findOpenByPhone(customer.getPhoneNormalized()).forEach(r -> found.put(r.getId(), r));
        }
        if (customer.getNameNormalized() != null && (customer.getPostcode() != null || customer.getDateOfBirth() != null)) {
            referrals.findOpenByNameAnd(customer.getNameNormalized(), customer.getPostcode(), customer.getDateOfBirth())
                    .forEach(r -> found.put(r.getId(), r));
        }
        found.remove(referral.getId());
        return List.copyOf(found.values());
    }


    /**
     * "Rachel Adams already has an open mortgage interest with Retail Lending (REF-000012, Alice Romero)." The first three,
     * then how many more.
     */
    public String describe(Referral referral, List<Referral> related) {
        if (related.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Referral other : related.subList(0, Math.min(SHOWN, related.size()))) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(referral.getCustomer().getName()).append(" already has an open ")
                    .append(catalog.productLabel(other.getExpressedInterest()).toLowerCase(java.util.Locale.ROOT))
                    .append(" interest with ").append(other.getQueueId() == null ? "no queue yet" : names.queue(other.getQueueId()))
                    .append(" (").append(other.getReferenceNumber())
                    .append(other.getOwnerId() == null ? "" : ", " + names.person(other.getOwnerId())).append(").");
        }
        if (related.size() > SHOWN) {
            text.append(" And ").append(related.size() - SHOWN).append(" more open referrals of this customer.");
        }
        return text.toString();
    }
}
