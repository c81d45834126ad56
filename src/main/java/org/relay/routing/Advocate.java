package org.relay.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An external advocate or partner (referrer code such as ADV-123) and the salesperson who owns the relationship. */
@Entity
public class Advocate {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String ownerUserId;

    private boolean active = true;

    /** The advocate's number for its access links (org.relay.referrerview), given by the database (V27). */
    @org.hibernate.annotations.Generated
    @Column(insertable = false, updatable = false)
    private Long linkSubjectId;

    /** Where the advocate hears about their referrals (org.relay.notification.ReferrerAddresses). */
    private String email;

    /** The language the advocate reads Relay in ("fr"; null: the configured default): their mails and their page. */
    private String language;

    protected Advocate() {
    }

    public Advocate(String code, String name, String ownerUserId, boolean active) {
        this.code = code;
        update(name, ownerUserId, active);
    }

    public void update(String name, String ownerUserId, boolean active) {
        this.name = name;
        this.ownerUserId = ownerUserId;
        this.active = active;
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getOwnerUserId() { return ownerUserId; }
    public boolean isActive() { return active; }
    public String getEmail() { return email; }
    public Long getLinkSubjectId() { return linkSubjectId; }
    public String getLanguage() { return language; }

    public void reachableAt(String email) {
        this.email = email;
    }

    public void speaks(String language) {
        this.language = language;
    }
}
