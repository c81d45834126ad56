package org.relay.referral;

import org.relay.catalog.Catalog;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Other open referrals of the same customer (same bank customer id, email, phone, or name with postcode or date of
 * birth), across lines of business, so a
 * second interest is surfaced instead of silently handled twice.
 */
@Component
public class RelatedReferrals {

    private static final Set<ReferralStatus> OPEN = Set.copyOf(
            Arrays.stream(ReferralStatus.values()).filter(ReferralStatus::isOpen).toList());

    private static final int SHOWN = 3;

    private final ReferralRepository referrals;
    private final Catalog catalog;

    RelatedReferrals(ReferralRepository referrals, Catalog catalog) {
        this.referrals = referrals;
        this.catalog = catalog;
    }

    public List<Referral> openFor(Referral referral) {
        Customer customer = referral.getCustomer();
        Map<Long, Referral> found = new LinkedHashMap<>();
        if (customer.isExistingCustomer()) {
            referrals.findByCustomerExistingCustomerIdAndStatusIn(customer.getExistingCustomerId(), OPEN)
                    .forEach(r -> found.putIfAbsent(r.getId(), r));
        }
        if (customer.getEmailNormalized() != null) {
            referrals.findByCustomerEmailNormalizedAndStatusIn(customer.getEmailNormalized(), OPEN)
                    .forEach(r -> found.putIfAbsent(r.getId(), r));
        }
        if (customer.getPhoneNormalized() != null) {
            referrals.findByCustomerPhoneNormalizedAndStatusIn(customer.getPhoneNormalized(), OPEN)
                    .forEach(r -> found.putIfAbsent(r.getId(), r));
        }
        if (customer.getNameNormalized() != null && (customer.getPostcode() != null || customer.getDateOfBirth() != null)) {
            referrals.findByCustomerNameNormalizedAndStatusIn(customer.getNameNormalized(), OPEN).stream()
                    .filter(r -> same(customer.getPostcode(), r.getCustomer().getPostcode())
                            || same(customer.getDateOfBirth(), r.getCustomer().getDateOfBirth()))
                    .forEach(r -> found.putIfAbsent(r.getId(), r));
        }
        found.remove(referral.getId());
        return found.values().stream().sorted(Comparator.comparing(Referral::getId)).toList();
    }

    private static boolean same(Object mine, Object theirs) {
        return mine != null && mine.equals(theirs);
    }

    /**
     * "Rachel Adams already has an open mortgage interest with retail-lending (REF-000012, alice)." The first three,
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
                    .append(" interest with ").append(other.getQueueId() == null ? "no queue yet" : other.getQueueId())
                    .append(" (").append(other.getReferenceNumber())
                    .append(other.getOwnerId() == null ? "" : ", " + other.getOwnerId()).append(").");
        }
        if (related.size() > SHOWN) {
            text.append(" And ").append(related.size() - SHOWN).append(" more open referrals of this customer.");
        }
        return text.toString();
    }
}
