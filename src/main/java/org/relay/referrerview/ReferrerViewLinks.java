package org.relay.referrerview;

import org.relay.common.RelayProperties;
import org.relay.links.AccessLink;
import org.relay.links.AccessLinkPurpose;
import org.relay.links.AccessLinks;
import org.relay.notification.ExternalReferrerLinks;
import org.relay.referral.ReferrerType;
import org.relay.routing.Advocate;
import org.relay.routing.AdvocateRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The signed links to an advocate's or partner's page: issued for their mails, opened by the page, taken back by staff. */
@Service
class ReferrerViewLinks implements ExternalReferrerLinks {

    static final String PATH = "/public/referrals/";

    private final AccessLinks links;
    private final AdvocateRepository advocates;
    private final RelayProperties relay;
    private final Clock clock;

    ReferrerViewLinks(AccessLinks links, AdvocateRepository advocates, RelayProperties relay, Clock clock) {
        this.links = links;
        this.advocates = advocates;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Link> issueFor(ReferrerType type, String referrerId) {
        if (type != ReferrerType.ADVOCATE && type != ReferrerType.PARTNER) {
            return Optional.empty();
        }
        return advocates.findById(referrerId).map(this::issue);
    }

    /** A new link to the advocate's page (the token is only in the returned URL). */
    Link issue(Advocate advocate) {
        String token = links.issue(AccessLinkPurpose.REFERRER_VIEW, number(advocate));
        return new Link(relay.publicUrl() + PATH + token,
                clock.instant().plus(links.lifetime(AccessLinkPurpose.REFERRER_VIEW)));
    }

    /** The advocate a token opens; empty for an unknown, altered, expired, revoked or other-purpose token. */
    @Transactional(readOnly = true)
    Optional<Advocate> open(String token) {
        return links.resolve(token, AccessLinkPurpose.REFERRER_VIEW).flatMap(advocates::findByLinkSubjectId);
    }

    @Transactional
    int revokeAll(Advocate advocate, String by) {
        return links.revokeAll(AccessLinkPurpose.REFERRER_VIEW, number(advocate), by);
    }

    @Transactional(readOnly = true)
    List<AccessLink> of(Advocate advocate) {
        return links.of(AccessLinkPurpose.REFERRER_VIEW, number(advocate));
    }

    /** The advocate's link number as the database gave it (an advocate saved in this transaction has it only there). */
    private long number(Advocate advocate) {
        return advocate.getLinkSubjectId() != null ? advocate.getLinkSubjectId()
                : advocates.linkSubjectIdOf(advocate.getCode()).orElseThrow();
    }
}
