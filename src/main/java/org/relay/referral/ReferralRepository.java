package org.relay.referral;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.Optional;

public interface ReferralRepository extends JpaRepository<Referral, Long> {

    /**
     * The open statuses ({@link ReferralStatus#isOpen()}) as a JPQL list of literals rather than a collection parameter: Hibernate
     * keeps a query's SQL only when it has no multi-valued parameter (otherwise it translates the query again on
     * every call), and PostgreSQL can use the partial indexes of open referrals (V11, V12) only for literal statuses.
     */
    String OPEN = "(org.relay.referral.ReferralStatus.NEW, org.relay.referral.ReferralStatus.ASSIGNED,"
            + " org.relay.referral.ReferralStatus.ACCEPTED, org.relay.referral.ReferralStatus.IN_PROGRESS)";

    /** The same statuses for native SQL ({@code status} holds the enum's name). */
    String OPEN_SQL = "('NEW', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS')";

    /**
     * JPQL rather than a query derived from the method name: Hibernate 6.6 keeps the SQL translation of JPQL but
     * translates the Criteria query Spring Data derives again on every call, and every request naming a referral
     * runs this one.
     */
    @Query("select r from Referral r where r.referenceNumber = :referenceNumber")
    Optional<Referral> findByReferenceNumber(@Param("referenceNumber") String referenceNumber);

    /** The same, with the row locked until the transaction ends (see {@link ReferralLookup#requireForChange}). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Referral r where r.referenceNumber = :referenceNumber")
    Optional<Referral> findForChange(@Param("referenceNumber") String referenceNumber);

    /** For delegates: the process instance's referral must exist, it was written in the same transaction. */
    default Referral require(Long id) {
        return findById(id).orElseThrow(() -> new IllegalStateException("Referral " + id + " does not exist"));
    }

    Page<Referral> findByStatusIn(Collection<ReferralStatus> statuses, Pageable pageable);

    /** The referrals a caller who is not an administrator may list (see ReferralAccess). */
    @Query("""
            select r from Referral r where r.status in :statuses
              and (r.queueId in :queues or r.ownerId = :user or r.createdBy = :user or r.referrer.id = :user)""")
    Page<Referral> findVisible(@Param("statuses") Collection<ReferralStatus> statuses,
                               @Param("queues") Collection<String> queues, @Param("user") String user, Pageable pageable);

    /**
     * Search by reference number (exact, the unique index) or part of the customer's name (the normalised name, which
     * erasure clears: an erased referral is not found by its old name; on PostgreSQL a trigram index, V16).
     */
    @Query("""
            select r from Referral r where r.status in :statuses
              and (r.referenceNumber = :reference or r.customer.nameNormalized like :name escape '!')""")
    Page<Referral> search(@Param("statuses") Collection<ReferralStatus> statuses, @Param("reference") String reference,
                          @Param("name") String namePattern, Pageable pageable);

    /** The same search among the referrals a caller who is not an administrator may list (see ReferralAccess). */
    @Query("""
            select r from Referral r where r.status in :statuses
              and (r.referenceNumber = :reference or r.customer.nameNormalized like :name escape '!')
              and (r.queueId in :queues or r.ownerId = :user or r.createdBy = :user or r.referrer.id = :user)""")
    Page<Referral> searchVisible(@Param("statuses") Collection<ReferralStatus> statuses,
                                 @Param("reference") String reference, @Param("name") String namePattern,
                                 @Param("queues") Collection<String> queues, @Param("user") String user,
                                 Pageable pageable);

    long countByReferrerId(String referrerId);

    /*
     * Open referrals matching one of a customer's identifiers, one query per identifier the customer has
     * (RelatedReferrals): each is a plain index lookup. One query OR-ing all four, with the missing ones bound to null,
     * took 1.6 ms per imported lead at 5 000 referrals (pg_stat_statements, ImportBenchmark); the lookups together take
     * a tenth of it.
     */
    @Query("select r from Referral r where r.status in " + OPEN + " and r.customer.existingCustomerId = :customerId")
    java.util.List<Referral> findOpenByExistingCustomerId(@Param("customerId") String existingCustomerId);

    @Query("select r from Referral r where r.status in " + OPEN + " and r.customer.emailNormalized = :email")
    java.util.List<Referral> findOpenByEmail(@Param("email") String emailNormalized);

    @Query("select r from Referral r where r.status in " + OPEN + " and r.customer.phoneNormalized = :phone")
    java.util.List<Referral> findOpenByPhone(@Param("phone") String phoneNormalized);

    /** Name only counts together with postcode or date of birth. */
    @Query("select r from Referral r where r.status in " + OPEN + " and r.customer.nameNormalized = :name"
            + " and (r.customer.postcode = :postcode or r.customer.dateOfBirth = :dateOfBirth)")
    java.util.List<Referral> findOpenByNameAnd(@Param("name") String nameNormalized, @Param("postcode") String postcode,
                                               @Param("dateOfBirth") java.time.LocalDate dateOfBirth);

    @Query("select count(r) from Referral r where r.ownerId = :owner and r.status in " + OPEN)
    long countOpenOwnedBy(@Param("owner") String ownerId);

    /** A user's open referrals, longest idle first: since the last activity, else acceptance, assignment, creation. */
    @Query("""
            select r from Referral r where r.ownerId = :owner and r.status in """ + OPEN + """
            order by coalesce(r.lastActivityAt, r.acceptedAt, r.assignedAt, r.createdAt) asc, r.referenceNumber asc""")
    java.util.List<Referral> findOpenLongestIdleFirst(@Param("owner") String ownerId, Pageable page);

    /** A user's open referrals in Tasklist's order: task priority, then lead score, highest first. */
    @Query("""
            select r from Referral r where r.ownerId = :owner and r.status in """ + OPEN + """
            order by r.taskPriority desc nulls last, r.leadScore desc nulls last, r.referenceNumber asc""")
    java.util.List<Referral> findOpenByPriority(@Param("owner") String ownerId, Pageable page);

    /** The same three for a manager's view of a member: only the referrals in the queues the manager manages. */
    @Query("select count(r) from Referral r where r.ownerId = :owner and r.queueId in :queues and r.status in " + OPEN)
    long countOpenOwnedByIn(@Param("owner") String ownerId, @Param("queues") Collection<String> queues);

    @Query("""
            select r from Referral r where r.ownerId = :owner and r.queueId in :queues and r.status in """ + OPEN + """
            order by coalesce(r.lastActivityAt, r.acceptedAt, r.assignedAt, r.createdAt) asc, r.referenceNumber asc""")
    java.util.List<Referral> findOpenLongestIdleFirstIn(@Param("owner") String ownerId,
                                                       @Param("queues") Collection<String> queues, Pageable page);

    @Query("""
            select r from Referral r where r.ownerId = :owner and r.queueId in :queues and r.status in """ + OPEN + """
            order by r.taskPriority desc nulls last, r.leadScore desc nulls last, r.referenceNumber asc""")
    java.util.List<Referral> findOpenByPriorityIn(@Param("owner") String ownerId,
                                                 @Param("queues") Collection<String> queues, Pageable page);

    /** Process instance and queue of every open referral (grants of per-instance engine rights). */
    @Query("select r.processInstanceId, r.queueId from Referral r where r.processInstanceId is not null and r.status in " + OPEN)
    java.util.List<Object[]> openLifecycles();

    @Query("select r.processInstanceId from Referral r where r.processInstanceId is not null and r.queueId = :queue"
            + " and r.status in " + OPEN)
    java.util.List<String> openLifecyclesOfQueue(@Param("queue") String queueId);

    @Query("select count(r) from Referral r where r.queueId = :queue and r.status in " + OPEN)
    long countOpenInQueue(@Param("queue") String queueId);

    /** A queue's open referrals (owned or not), longest idle first. */
    @Query("""
            select r from Referral r where r.queueId = :queue and r.status in """ + OPEN + """
            order by coalesce(r.lastActivityAt, r.acceptedAt, r.assignedAt, r.createdAt) asc, r.referenceNumber asc""")
    java.util.List<Referral> findOpenInQueueLongestIdleFirst(@Param("queue") String queueId, Pageable page);

    /** A queue's open referrals (owned or not) in Tasklist's order: task priority, then lead score, highest first. */
    @Query("""
            select r from Referral r where r.queueId = :queue and r.status in """ + OPEN + """
            order by r.taskPriority desc nulls last, r.leadScore desc nulls last, r.referenceNumber asc""")
    java.util.List<Referral> findOpenInQueueByPriority(@Param("queue") String queueId, Pageable page);

    @Query("select count(r) from Referral r where r.referrer.id = :referrerId and r.status = org.relay.referral.ReferralStatus.CONVERTED")
    long countConvertedByReferrerId(@Param("referrerId") String referrerId);

    /**
     * Open referrals per owner, for the routing's "fewest open referrals" pick (every referral). Native SQL: with its
     * list parameter the JPQL was translated again on every call (3 % of a referral's creation).
     */
    @Query(value = "select owner_id, count(*) from referral where owner_id in (:owners) and status in " + OPEN_SQL
            + " group by owner_id", nativeQuery = true)
    java.util.List<Object[]> countOpenByOwner(@Param("owners") Collection<String> owners);

    /** A referrer's decided referrals: converted or not, and when. */
    @Query("select new org.relay.referral.DecidedOutcome(r.status, r.convertedAt, r.closedAt) from Referral r "
            + "where r.referrer.id = :referrerId and r.status in (org.relay.referral.ReferralStatus.CONVERTED, org.relay.referral.ReferralStatus.CLOSED_LOST)")
    java.util.List<DecidedOutcome> decidedOutcomesOfReferrer(@Param("referrerId") String referrerId);

    @Query("select r.referrer.id, r.referrer.type, max(r.referrer.name) from Referral r where r.referrer.id is not null "
            + "group by r.referrer.id, r.referrer.type")
    java.util.List<Object[]> distinctReferrerRows();

    /** Everyone who has referred, once each, with a name they were given. */
    default java.util.List<Referrer> distinctReferrers() {
        java.util.Map<String, Referrer> byId = new java.util.LinkedHashMap<>();
        for (Object[] row : distinctReferrerRows()) {
            byId.putIfAbsent((String) row[0], new Referrer((ReferrerType) row[1], (String) row[0], (String) row[2]));
        }
        return java.util.List.copyOf(byId.values());
    }

    /** A referrer's open referrals, to re-prioritise them when their score changes. */
    @Query("select r from Referral r where r.referrer.id = :referrerId and r.status in " + OPEN)
    java.util.List<Referral> findOpenOfReferrer(@Param("referrerId") String referrerId);

    /** Open referral ids after a cursor, for rescoring in pages. */
    @Query("select r.id from Referral r where r.status in " + OPEN + " and r.id > :after order by r.id")
    java.util.List<Long> openIdsAfter(@Param("after") long after, Pageable page);

    /** The referrals that converted into (or were linked to) a customer account. */
    java.util.List<Referral> findByAccountId(Long accountId);
}
