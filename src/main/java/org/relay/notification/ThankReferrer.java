package org.relay.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.relay.lifecycle.LifecycleVariables;
import org.relay.referral.Referral;
import org.relay.referral.ReferralRepository;
import org.relay.referral.Referrer;
import org.relay.routing.AdvocateRepository;
import org.springframework.stereotype.Component;

/**
 * Async service task "Thank referrer" after a conversion: the colleague (Camunda user) or advocate (if an email is
 * on file) hears that their referral became business, with their track record. Customers who referred themselves
 * are not mailed.
 */
@Component("thankReferrer")
class ThankReferrer implements JavaDelegate {

    private final ReferralRepository referrals;
    private final AdvocateRepository advocates;
    private final IdentityService identityService;
    private final Notifications notifications;

    ThankReferrer(ReferralRepository referrals, AdvocateRepository advocates, IdentityService identityService,
                  Notifications notifications) {
        this.referrals = referrals;
        this.advocates = advocates;
        this.identityService = identityService;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Referral referral = referrals.require(LifecycleVariables.referralId(execution));
        Referrer referrer = referral.getReferrer();
        if (referrer.getId() == null) {
            return;
        }
        switch (referrer.getType()) {
            case INTERNAL_USER -> {
                User user = identityService.createUserQuery().userId(referrer.getId()).singleResult();
                if (user != null && user.getEmail() != null) {
                    notifications.thankReferrer(referral, user.getEmail(), user.getFirstName());
                }
            }
            case ADVOCATE, PARTNER -> advocates.findById(referrer.getId())
                    .filter(advocate -> advocate.getEmail() != null)
                    .ifPresent(advocate -> notifications.thankReferrer(referral, advocate.getEmail(), advocate.getName()));
            case CUSTOMER -> {
                // a customer who referred themselves gets the business, not a thank-you
            }
        }
    }
}
