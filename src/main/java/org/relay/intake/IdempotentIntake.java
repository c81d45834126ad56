package org.relay.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.relay.common.ConflictException;
import org.relay.common.InvalidRequestException;
import org.relay.referral.CreateReferralRequest;
import org.relay.referral.Referral;
import org.relay.referral.ReferralIntake;
import org.relay.referral.ReferralRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code POST /api/referrals} with an {@code Idempotency-Key}: the first request creates the referral and records the
 * key in the same transaction; a retry returns that referral and creates nothing. The same key with a different body
 * is refused.
 */
@Service
public class IdempotentIntake {

    /** The referral, and whether it was created by an earlier request with the same key. */
    public record Result(Referral referral, boolean replayed) {
    }

    private final ReferralIntake intake;
    private final IdempotencyKeyRepository keys;
    private final ReferralRepository referrals;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentIntake(ReferralIntake intake, IdempotencyKeyRepository keys, ReferralRepository referrals,
                     TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.intake = intake;
        this.keys = keys;
        this.referrals = referrals;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public Result create(String key, CreateReferralRequest request) {
        if (key == null) {
            return new Result(intake.create(request), false);
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw InvalidRequestException.of("Idempotency-Key", "problem.intake.idempotency-key");
        }
        String hash = hash(request);
        Optional<Result> earlier = replay(key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transactions.execute(status -> {
                Referral referral = intake.create(request);
                keys.saveAndFlush(new IdempotencyKey(key, hash, referral.getId(), clock.instant()));
                return new Result(referral, false);
            });
        } catch (DataIntegrityViolationException concurrentFirst) {
            // another request with the same key won the race: its referral is the answer
            return replay(key, hash).orElseThrow(() -> concurrentFirst);
        }
    }

    private Optional<Result> replay(String key, String hash) {
        return keys.findById(key).map(found -> {
            if (!found.getRequestHash().equals(hash)) {
                throw ConflictException.of("problem.intake.idempotency-key-reused", key);
            }
            return new Result(referrals.require(found.getReferralId()), true);
        });
    }

    private String hash(CreateReferralRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
