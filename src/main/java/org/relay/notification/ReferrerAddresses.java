package org.relay.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.RelayProperties;
import org.relay.common.WithoutEngineUser;
import org.relay.referral.ReferrerType;
import org.relay.routing.AdvocateRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where a referrer is told: a colleague at their Camunda user's email, an advocate or partner at the email Relay keeps
 * for them (PUT /api/advocates/{code}); customers and anyone without an address are not mailed.
 */
@Component
class ReferrerAddresses {

    /**
     * @param link where the mail leads: a colleague's "Referrals I sent" on this referral; null for external
     *             referrers, whose mail gets a signed link of its own when it is sent (ExternalReferrerLinks)
     */
    record Address(String email, String name, String link) {
    }

    private final IdentityService identityService;
    private final AdvocateRepository advocates;
    private final RelayProperties properties;

    ReferrerAddresses(IdentityService identityService, AdvocateRepository advocates, RelayProperties properties) {
        this.identityService = identityService;
        this.advocates = advocates;
        this.properties = properties;
    }

    Optional<Address> of(ReferrerType type, String referrerId, String referenceNumber) {
        return switch (type) {
            case INTERNAL_USER -> Optional.ofNullable(WithoutEngineUser.run(identityService,
                            () -> identityService.createUserQuery().userId(referrerId).singleResult()))
                    .filter(user -> hasText(user.getEmail()))
                    .map(user -> new Address(user.getEmail(), firstName(user), sentLink(referenceNumber)));
            case ADVOCATE, PARTNER -> advocates.findById(referrerId).filter(a -> hasText(a.getEmail()))
                    .map(a -> new Address(a.getEmail(), a.getName(), null));
            case CUSTOMER -> Optional.empty();
        };
    }

    /** "Referrals I sent" showing this referral (the page lists only the signed-in colleague's own). */
    String sentLink(String referenceNumber) {
        return properties.publicUrl() + "/referrals/sent" + (referenceNumber == null ? "" : "?ref=" + referenceNumber);
    }

    private static String firstName(User user) {
        return hasText(user.getFirstName()) ? user.getFirstName() : user.getId();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
