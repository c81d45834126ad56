package org.relay.referral;

import java.util.List;

/**
 * Published (synchronously) by the erasure before it overwrites anything of these referrals' customer: what must
 * still reach the customer because of the erasure (a meeting's cancellation) is sent while their address is known.
 */
public record CustomerDataErasing(List<Long> referralIds) {
}
