package org.relay.analytics;

/** How the funnel buckets referrals by their creation date (UTC). */
public enum Period {
    DAY("day"), WEEK("week"), MONTH("month");

    private final String sqlUnit;

    Period(String sqlUnit) {
        this.sqlUnit = sqlUnit;
    }

    String sqlUnit() {
        return sqlUnit;
    }
}
