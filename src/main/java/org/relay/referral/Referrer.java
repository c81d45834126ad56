package org.relay.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** Who made the referral; {@code id} is a Camunda user id for colleagues, an advocate/partner code otherwise. */
@Embeddable
public class Referrer {

    @Enumerated(EnumType.STRING)
    @Column(name = "referrer_type", nullable = false)
    private ReferrerType type;

    @Column(name = "referrer_id")
    private String id;

    @Column(name = "referrer_name")
    private String name;

    protected Referrer() {
    }

    public Referrer(ReferrerType type, String id, String name) {
        this.type = type;
        this.id = id;
        this.name = name;
    }

    public ReferrerType getType() { return type; }
    public String getId() { return id; }
    public String getName() { return name; }
}
