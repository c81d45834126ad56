package org.relay.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Referrals contacted before first contacts were recorded (migration V24 took their first contact from the activities)
 * get their "within one business day" at start-up, on their business calendar, which SQL cannot apply. Idempotent:
 * nodes starting together compute the same answers.
 */
@Component
class FirstContactBackfill {

    private static final Logger log = LoggerFactory.getLogger(FirstContactBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final FirstContacts firstContacts;

    FirstContactBackfill(JdbcTemplate jdbc, FirstContacts firstContacts) {
        this.jdbc = jdbc;
        this.firstContacts = firstContacts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        long filled = 0;
        while (true) {
            List<Object[]> answers = new ArrayList<>();
            jdbc.query("select id, customer_region, created_at, first_contact_at from referral where first_contact_at is not null "
                    + "and first_contact_within_business_day is null order by id limit " + BATCH, rs -> {
                answers.add(new Object[]{firstContacts.withinOneBusinessDay(rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()), rs.getLong(1)});
            });
            if (answers.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("update referral set first_contact_within_business_day = ? where id = ?", answers);
            filled += answers.size();
        }
        if (filled > 0) {
            log.info("First contacts within one business day worked out for {} referrals contacted before", filled);
        }
    }
}
