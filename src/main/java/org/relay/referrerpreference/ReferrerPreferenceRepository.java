package org.relay.referrerpreference;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReferrerPreferenceRepository extends JpaRepository<ReferrerPreference, ReferrerPreference.Key> {
}
