package org.relay.conversion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.relay.referral.CustomerType;

import java.time.Instant;

/** A customer of the bank, person or business, created or matched when a referral converts. */
@Entity
public class CustomerAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerType type;

    @Column(nullable = false)
    private String name;

    private String emailNormalized;

    private String phoneNormalized;

    private String existingCustomerId;

    private String city;

    private String region;

    private Long householdId;

    @Column(nullable = false)
    private Instant createdAt;

    protected CustomerAccount() {
    }

    public CustomerAccount(CustomerType type, String name, String emailNormalized, String phoneNormalized,
                           String existingCustomerId, String city, String region, Instant createdAt) {
        this.type = type;
        this.name = name;
        this.emailNormalized = emailNormalized;
        this.phoneNormalized = phoneNormalized;
        this.existingCustomerId = existingCustomerId;
        this.city = city;
        this.region = region;
        this.createdAt = createdAt;
    }

    public void joinHousehold(Long householdId) {
        this.householdId = householdId;
    }

    /** A matched account learns the bank's customer id if it did not know it yet. */
    public void knownAs(String existingCustomerId) {
        if (this.existingCustomerId == null) {
            this.existingCustomerId = existingCustomerId;
        }
    }

    public Long getId() { return id; }
    public CustomerType getType() { return type; }
    public String getName() { return name; }
    public String getEmailNormalized() { return emailNormalized; }
    public String getPhoneNormalized() { return phoneNormalized; }
    public String getExistingCustomerId() { return existingCustomerId; }
    public String getCity() { return city; }
    public String getRegion() { return region; }
    public Long getHouseholdId() { return householdId; }
    public Instant getCreatedAt() { return createdAt; }
}
