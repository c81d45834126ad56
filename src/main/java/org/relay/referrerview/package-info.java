/**
 * External referrers' view: an advocate or partner (no Relay account) reads what became of the referrals they sent —
 * status, the owner's first name, last activity, outcome, activities shared with them — on a public page behind a
 * signed access link (org.relay.links, purpose REFERRER_VIEW, subject the advocate's link number). Their referrer mails
 * carry a fresh link; managers and administrators list, revoke and re-issue an advocate's links.
 */
package org.relay.referrerview;
