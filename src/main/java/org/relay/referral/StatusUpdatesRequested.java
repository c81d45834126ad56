package org.relay.referral;

/**
 * Published by the intake, inside its transaction, for a new referral whose customer agreed to status updates
 * (customerstatus sends them the confirmation with their link once the referral is committed).
 */
public record StatusUpdatesRequested(long referralId) {
}
