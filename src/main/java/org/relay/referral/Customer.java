package org.relay.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class Customer {

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    private CustomerType type;

    @Column(name = "customer_name", nullable = false)
    private String name;

    @Column(name = "customer_employer")
    private String employer;

    @Column(name = "customer_phone")
    private String phone;

    @Column(name = "customer_email")
    private String email;

    @Column(name = "customer_city")
    private String city;

    @Column(name = "customer_region")
    private String region;

    @Column(name = "existing_customer_id")
    private String existingCustomerId;

    @Column(name = "customer_email_normalized")
    private String emailNormalized;

    @Column(name = "customer_phone_normalized")
    private String phoneNormalized;

    @Column(name = "customer_name_normalized")
    private String nameNormalized;

    @Column(name = "customer_postcode")
    private String postcode;

    @Column(name = "customer_date_of_birth")
    private java.time.LocalDate dateOfBirth;

    /** For a business: the person to speak to. */
    @Column(name = "customer_contact_name")
    private String contactName;

    protected Customer() {
    }

    public Customer(CustomerType type, String name, String employer, String phone, String email, String city,
                    String region, String existingCustomerId, String contactName) {
        this(type, name, employer, phone, email, city, region, existingCustomerId);
        this.contactName = contactName;
    }

    public Customer(CustomerType type, String name, String employer, String phone, String email, String city,
                    String region, String existingCustomerId) {
        this.type = type;
        this.name = name;
        this.employer = employer;
        this.phone = phone;
        this.email = email;
        this.city = city;
        this.region = region;
        this.existingCustomerId = existingCustomerId;
        this.nameNormalized = ContactPoints.name(name);   // every referral is found by name (GET /api/referrals?q=)
    }

    /** The keys the same customer is recognised by across referrals (lower-case email, E.164 phone). */
    void matchKeys(String emailNormalized, String phoneNormalized) {
        this.emailNormalized = emailNormalized;
        this.phoneNormalized = phoneNormalized;
        this.nameNormalized = ContactPoints.name(name);
    }

    /** A person's postcode and date of birth: with the name, they recognise a customer who gave no email or phone we know. */
    void identifiedBy(String postcode, java.time.LocalDate dateOfBirth) {
        this.postcode = ContactPoints.postcode(postcode);
        this.dateOfBirth = dateOfBirth;
    }

    public CustomerType getType() { return type; }
    public String getName() { return name; }
    public String getEmployer() { return employer; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getCity() { return city; }
    public String getRegion() { return region; }
    public String getExistingCustomerId() { return existingCustomerId; }
    public String getContactName() { return contactName; }
    public String getEmailNormalized() { return emailNormalized; }
    public String getPhoneNormalized() { return phoneNormalized; }
    public String getNameNormalized() { return nameNormalized; }
    public String getPostcode() { return postcode; }
    public java.time.LocalDate getDateOfBirth() { return dateOfBirth; }

    public boolean isExistingCustomer() {
        return existingCustomerId != null && !existingCustomerId.isBlank();
    }
}
