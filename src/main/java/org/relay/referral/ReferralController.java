package org.relay.referral;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralRepository referrals;
    private final ReferralViews views;

    ReferralController(ReferralRepository referrals, ReferralViews views) {
        this.referrals = referrals;
        this.views = views;
    }

    @GetMapping("/{referenceNumber}")
    public ReferralView detail(@PathVariable String referenceNumber) {
        return views.detail(referenceNumber);
    }

    /** Newest first; {@code status} may repeat (e.g. ?status=ASSIGNED&status=ACCEPTED). */
    @GetMapping
    @Transactional(readOnly = true)
    List<ReferralView> list(@RequestParam(required = false) List<ReferralStatus> status,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        PageRequest pageRequest = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        Page<Referral> found = referrals.findByStatusIn(
                status == null || status.isEmpty() ? EnumSet.allOf(ReferralStatus.class) : status, pageRequest);
        return found.map(views::summary).getContent();
    }
}
