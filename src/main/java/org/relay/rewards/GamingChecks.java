package org.relay.rewards;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.relay.common.WithoutEngineUser;
import org.relay.referral.Customer;
import org.relay.referral.Referral;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks run before a reward is granted. None of them decides: each finding is stored with the reward and shown
 * to the manager who approves or rejects it (a referral programme's gaming is a judgement, not a rule).
 */
@Component
class GamingChecks {

    /** One finding: which check, and a fact the manager can verify (a count, another reward's reference). */
    record Finding(GamingCheck check, String fact) {
    }

    private static final List<String> STANDING = List.of("PENDING_APPROVAL", "HELD", "APPROVED", "PAID");

    private final JdbcTemplate jdbc;
    private final IdentityService identityService;
    private final RewardProperties properties;
    private final Clock clock;

    GamingChecks(JdbcTemplate jdbc, IdentityService identityService, RewardProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.identityService = identityService;
        this.properties = properties;
        this.clock = clock;
    }

    List<Finding> check(Referral referral, RewardReferrerType type, String referrerId, String referrerName,
                        String customerKey) {
        List<Finding> findings = new ArrayList<>();
        Customer customer = referral.getCustomer();
        if (type == RewardReferrerType.EMPLOYEE && referrerId.equals(referral.getOwnerId())) {
            findings.add(new Finding(GamingCheck.SELF_REFERRAL, "owner"));
        } else if (referrerId.equals(customer.getExistingCustomerId())
                || (referrerName != null && normalised(referrerName).equals(normalised(customer.getName())))) {
            findings.add(new Finding(GamingCheck.SELF_REFERRAL, "customer"));
        }
        if (type == RewardReferrerType.EMPLOYEE && customer.getExistingCustomerId() != null
                && count("select count(*) from customer_advisor where existing_customer_id = ? and advisor_user_id = ?",
                customer.getExistingCustomerId(), referrerId) > 0) {
            findings.add(new Finding(GamingCheck.OWN_BOOK_CUSTOMER, customer.getExistingCustomerId()));
        }
        creditedBefore(referral, customerKey)
                .ifPresent(other -> findings.add(new Finding(GamingCheck.CREDITED_TWICE, other)));
        String referrerEmail = emailOf(type, referrerId);
        if (referrerEmail != null && customer.getEmail() != null && referrerEmail.equalsIgnoreCase(customer.getEmail().trim())) {
            findings.add(new Finding(GamingCheck.SHARED_CONTACT_DETAILS, "email"));
        }
        Instant day = referral.getCreatedAt().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        long thatDay = count("select count(*) from referral where referrer_id = ? and created_at >= ? and created_at < ?",
                referrerId, Timestamp.from(day), Timestamp.from(day.plus(1, ChronoUnit.DAYS)));
        if (thatDay > properties.gaming().maxReferralsPerDay()) {
            findings.add(new Finding(GamingCheck.MANY_REFERRALS_IN_A_DAY, Long.toString(thatDay)));
        }
        return findings;
    }

    /** Another referral's standing reward for the same customer and product within the window: its reference. */
    private Optional<String> creditedBefore(Referral referral, String customerKey) {
        if (customerKey == null) {
            return Optional.empty();
        }
        Instant since = clock.instant().minus(properties.gaming().duplicateWindow());
        return jdbc.queryForList("select reference from reward where customer_key = ? and product = ? and referral_id <> ?"
                        + " and status in ('" + String.join("', '", STANDING) + "') and earned_at >= ? order by id limit 1",
                String.class, customerKey, referral.getExpressedInterest(), referral.getId(), Timestamp.from(since))
                .stream().findFirst();
    }

    private String emailOf(RewardReferrerType type, String referrerId) {
        if (type == RewardReferrerType.EMPLOYEE) {
            User user = WithoutEngineUser.run(identityService,
                    () -> identityService.createUserQuery().userId(referrerId).singleResult());
            return user == null || user.getEmail() == null ? null : user.getEmail().trim();
        }
        if (type == RewardReferrerType.ADVOCATE || type == RewardReferrerType.PARTNER) {
            return jdbc.queryForList("select email from advocate where code = ?", String.class, referrerId).stream()
                    .filter(e -> e != null && !e.isBlank()).map(String::trim).findFirst().orElse(null);
        }
        return null;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** "Lena Ortiz (Ortiz Realty)" → "lena ortiz": an advocate's firm in brackets is not part of the person's name. */
    private static String normalised(String name) {
        return name == null ? "" : name.replaceAll("\\([^)]*\\)", " ").trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
