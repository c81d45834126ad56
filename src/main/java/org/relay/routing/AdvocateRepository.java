package org.relay.routing;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AdvocateRepository extends JpaRepository<Advocate, String> {

    java.util.Optional<Advocate> findByLinkSubjectId(Long linkSubjectId);

    /** The advocate's number for its links, read from the database (which gives it on insert, V27). */
    @org.springframework.data.jpa.repository.Query("select a.linkSubjectId from Advocate a where a.code = :code")
    java.util.Optional<Long> linkSubjectIdOf(@org.springframework.data.repository.query.Param("code") String code);
}
