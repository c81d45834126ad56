package org.relay.routing;

import org.relay.referral.AdvocateDirectory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Intake's view of the advocate table: active advocates by code. */
@Component
class AdvocateNames implements AdvocateDirectory {

    private final AdvocateRepository advocates;

    AdvocateNames(AdvocateRepository advocates) {
        this.advocates = advocates;
    }

    @Override
    public Optional<String> activeAdvocateName(String code) {
        return code == null ? Optional.empty()
                : advocates.findById(code.trim()).filter(Advocate::isActive).map(Advocate::getName);
    }
}
