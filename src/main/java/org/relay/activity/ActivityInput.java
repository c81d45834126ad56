package org.relay.activity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * An activity to record (body of {@code POST /api/referrals/{ref}/activities}, or the Work referral form).
 *
 * @param occurredAt when it happened or is planned; default now
 * @param done       false for a planned call or meeting
 * @param sharedWith user ids of colleagues, and/or "referrer", who may read it
 */
public record ActivityInput(
        @NotNull ActivityType type,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String body,
        Instant occurredAt,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Size(max = 200) String outcome,
        Boolean done,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> sharedWith,
        @NotBlank @Size(max = 64) String recordedBy) {
}
