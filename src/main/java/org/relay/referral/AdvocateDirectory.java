package org.relay.referral;

import java.util.Optional;

/**
 * The bank's advocates as intake needs them (the table itself belongs to routing, which implements this): an
 * advocate code on a referral must be one of them, active, and the referral carries the advocate's name from there.
 */
public interface AdvocateDirectory {

    /** The name of the active advocate with this code; empty for an unknown or inactive code. */
    Optional<String> activeAdvocateName(String code);
}
