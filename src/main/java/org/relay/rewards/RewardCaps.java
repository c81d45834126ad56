package org.relay.rewards;

import org.relay.i18n.StoredSentence;
import org.relay.common.DatabaseVendor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Caps per referrer and calendar period (UTC) by referrer type ({@code relay.rewards.caps}): a reward that would
 * take its referrer past one is held — kept, waiting for a manager, who is told by mail — not dropped.
 */
@Component
class RewardCaps {

    private final JdbcTemplate jdbc;
    private final RewardProperties properties;
    private final boolean postgres;

    RewardCaps(JdbcTemplate jdbc, RewardProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.postgres = DatabaseVendor.isPostgres(jdbc);
    }

    /** Why this new reward is over its referrer's cap ("cap of 100 points per month reached: 90 + 25"), if it is. */
    Optional<String> reachedBy(Reward reward) {
        RewardProperties.Cap cap = properties.caps().get(reward.getReferrerType());
        if (cap == null) {
            return Optional.empty();
        }
        lockReferrer(reward);
        Instant from = periodStart(reward.getEarnedAt(), cap.period());
        Map<String, Object> so = jdbc.queryForMap("select coalesce(sum(points), 0) as points,"
                        + " coalesce(sum(case when currency = ? then amount end), 0) as amount from reward"
                        + " where referrer_id = ? and referrer_type = ? and id <> ? and earned_at >= ?"
                        + " and status in ('PENDING_APPROVAL', 'APPROVED', 'PAID')",
                reward.getCurrency(), reward.getReferrerId(), reward.getReferrerType().name(), reward.getId(),
                Timestamp.from(from));
        long points = ((Number) so.get("points")).longValue();
        BigDecimal amount = new BigDecimal(so.get("amount").toString());
        // kept as a sentence of the rewards bundle, worded for whoever reads the ledger (i18n/rewards)
        String period = cap.period().name();
        if (cap.maxPoints() != null && reward.getPoints() > 0 && points + reward.getPoints() > cap.maxPoints()) {
            return Optional.of(StoredSentence.of("rewards.reason.cap-points." + period, cap.maxPoints(), points,
                    reward.getPoints()));
        }
        if (cap.maxAmount() != null && reward.getAmount() != null
                && amount.add(reward.getAmount()).compareTo(cap.maxAmount()) > 0) {
            return Optional.of(StoredSentence.of("rewards.reason.cap-amount." + period, reward.getCurrency(),
                    cap.maxAmount().toPlainString(), amount.toPlainString(), reward.getAmount().toPlainString()));
        }
        return Optional.empty();
    }

    /**
     * Two rewards of one referrer earned at the same moment (two nodes, two outcomes) would each sum the other's
     * absence and both pass the cap: on PostgreSQL the sum waits for a lock per referrer, held to the commit, so the
     * second sees the first. The embedded demo's H2 has no such lock and runs one node.
     */
    private void lockReferrer(Reward reward) {
        if (postgres) {
            long key = UUID.nameUUIDFromBytes(("reward-cap:" + reward.getReferrerType() + ":" + reward.getReferrerId())
                    .getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
            jdbc.queryForList("select pg_advisory_xact_lock(?)", key);
        }
    }

    static Instant periodStart(Instant at, RewardProperties.CapPeriod period) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = switch (period) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
        return start.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
