package org.relay.common;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State that lives as long as the current transaction: what one transaction may read once and count forward in
 * memory (an import batch routes dozens of leads to the same few recipients in one transaction). Outside a
 * transaction every call gets a fresh value, so callers behave exactly as without it.
 */
public final class TransactionScoped {

    private TransactionScoped() {
    }

    /** The value bound to {@code key} in this transaction, created on first use. */
    public static <T> T get(Object key, Supplier<T> create) {
        return get(key, create, null);
    }

    /**
     * As {@link #get(Object, Supplier)}; {@code beforeCommit} runs once with the value just before the transaction
     * commits (not on rollback).
     */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return create.get();
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T created = create.get();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (beforeCommit != null) {
                        beforeCommit.accept(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = created;
        }
        return value;
    }

    /** The value bound to {@code key} in this transaction, or null if none was (outside a transaction: null). */
    @SuppressWarnings("unchecked")
    public static <T> T peek(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(key) : null;
    }

    /** Whether a transaction is there to hold such state. */
    public static boolean active() {
        return TransactionSynchronizationManager.isSynchronizationActive();
    }
}
