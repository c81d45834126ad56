package org.relay.conversion;

import org.relay.referral.ReferralAccess;
import org.relay.security.Callers;
import jakarta.validation.Valid;
import org.relay.referral.ReferralView;
import org.relay.referral.ReferralViews;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/referrals/{ref}/reopen}: see {@link ReferralReopening}. */
@RestController
class ReopenController {

    private final ReferralReopening reopening;
    private final ReferralViews views;
    private final ReferralAccess access;
    private final Callers callers;

    ReopenController(ReferralReopening reopening, ReferralViews views, ReferralAccess access, Callers callers) {
        this.access = access;
        this.callers = callers;
        this.reopening = reopening;
        this.views = views;
    }

    @PostMapping("/api/referrals/{referenceNumber}/reopen")
    ReferralView reopen(@PathVariable String referenceNumber, @Valid @RequestBody ReferralReopening.Request request) {
        access.decidable(referenceNumber, callers.actingAs(request.requestedBy(), "requestedBy"));
        return views.detail(reopening.reopen(referenceNumber, request).getReferenceNumber());
    }
}
