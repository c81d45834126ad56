package org.relay.intake;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * When an import's next digest mail goes out (README, "Notifications"). A window opens with the first batch that
 * routed a lead and closes {@code relay.imports.digest.window} later (default PT2M): the batch that ends after that
 * is followed by "Send import digest" in the import's own process, and the import's end flushes what is left. The
 * decision is a process variable ({@code digestDue}) read by the import process's gateway; the window's end is one
 * too, so every node of a cluster continues the same window. PT0S: a digest after every batch that routed leads.
 */
@Component
public class ImportDigestWindow {

    static final String DIGEST_DUE = "digestDue";
    static final String WINDOW_ENDS_AT = "digestWindowEndsAt";

    private final boolean enabled;
    private final Duration window;
    private final Clock clock;

    ImportDigestWindow(@Value("${relay.imports.digest.enabled:true}") boolean enabled,
                       @Value("${relay.imports.digest.window:PT2M}") Duration window, Clock clock) {
        this.enabled = enabled;
        this.window = window;
        this.clock = clock;
    }

    /** Whether new imports announce their leads in digests (each import keeps the answer it was staged with). */
    public boolean enabled() {
        return enabled;
    }

    void afterBatch(DelegateExecution execution, boolean routedLeads) {
        Instant now = clock.instant();
        Date endsAt = (Date) execution.getVariable(WINDOW_ENDS_AT);
        if (endsAt == null && routedLeads) {
            endsAt = Date.from(now.plus(window));
        }
        boolean due = endsAt != null && !now.isBefore(endsAt.toInstant());
        // the digest that follows closes this window; the next routed lead opens the next one
        execution.setVariableLocal(WINDOW_ENDS_AT, due ? null : endsAt);
        execution.setVariableLocal(DIGEST_DUE, due);
    }
}
