/**
 * Access links for people without an account: a customer following their request, later an external referrer
 * reading "Referrals I sent". A link is a random token (256 bits, URL-safe) handed out once; Relay keeps only its
 * SHA-256, with a {@link org.relay.links.AccessLinkPurpose purpose}, the subject it opens (a referral id, a referrer
 * id, as the purpose says), and when it was created, expires and was revoked.
 *
 * <p>Using it for a new kind of link: add a purpose (with its configuration key and default lifetime), then
 * {@link org.relay.links.AccessLinks#issue(AccessLinkPurpose, long)} where the link is handed out,
 * {@link org.relay.links.AccessLinks#resolve(String, AccessLinkPurpose)} on the page it opens (an unknown, expired,
 * revoked or other-purpose token all give an empty answer: show the visitor one plain "this link no longer works"
 * page), and {@link org.relay.links.AccessLinks#revokeAll(AccessLinkPurpose, long, String)} where staff take links
 * back. Lifetimes come from {@code relay.links.<purpose key>.ttl} (docs/operations.md).
 */
package org.relay.links;
