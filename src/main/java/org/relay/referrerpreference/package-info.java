/**
 * How each referrer hears about their referrals (every event, a daily digest, or outcomes only): the preference, its
 * API for colleagues (their own) and managers (an advocate's), and the form on "Referrals I sent". The mails
 * themselves are written in {@code org.relay.notification}.
 */
package org.relay.referrerpreference;
