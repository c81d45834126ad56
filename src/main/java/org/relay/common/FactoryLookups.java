package org.relay.common;

import org.springframework.stereotype.Component;

/**
 * Names two library factories up front, through the standard system properties their lookups read first.
 *
 * <p>Without them, each lookup scans every jar on the classpath through {@code ServiceLoader}, and both run in hot
 * paths: Jakarta Mail 2.1 finds its {@code StreamProvider} for every MIME part it creates or writes (several per
 * mail; jakartaee/mail-api#699 and #861, fixed only in 2.2), and Camunda builds a {@code DatatypeFactory} for every
 * duration timer it plans. In the escalation benchmark's profile the mail lookup alone was 10 % of the job threads'
 * time (docs/benchmarks.md). The implementations named are the ones the scan finds on Relay's classpath; a value set
 * on the command line wins, and one that is not on the classpath is not named (the lookup would fail, not fall back).
 */
@Component
class FactoryLookups {

    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

    FactoryLookups() {
        pin(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        pin(DATATYPE_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }

    private static void pin(String property, String implementation) {
        if (System.getProperty(property) == null && present(implementation)) {
            System.setProperty(property, implementation);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, FactoryLookups.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
