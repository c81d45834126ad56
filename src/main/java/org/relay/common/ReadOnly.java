package org.relay.common;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * A read-only transaction around part of a request, so that what follows it (an audit entry) runs after the read's
 * connection is back in the pool: a request never holds two connections at once, which under load would let every
 * request hold one and wait for a second.
 */
@Component
public class ReadOnly {

    private final TransactionTemplate template;

    ReadOnly(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
        this.template.setReadOnly(true);
    }

    public <T> T read(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
