package org.relay.common;

import jakarta.mail.util.StreamProvider;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import javax.xml.datatype.DatatypeFactory;

/** The pinned factories still exist after a dependency upgrade, and the lookups return them. */
class FactoryLookupsTest {

    @Test
    void mail_and_timer_factories_are_named_instead_of_scanned_for() throws Exception {
        new FactoryLookups();

        Assertions.assertThat(System.getProperty(FactoryLookups.MAIL_STREAM_PROVIDER))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        Assertions.assertThat(StreamProvider.provider().getClass().getName())
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        Assertions.assertThat(System.getProperty(FactoryLookups.DATATYPE_FACTORY)).endsWith("DatatypeFactoryImpl");
        Assertions.assertThat(DatatypeFactory.newInstance().newDuration("PT1H").getHours()).isEqualTo(1);
    }
}
