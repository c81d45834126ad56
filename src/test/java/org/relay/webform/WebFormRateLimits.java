package org.relay.webform;

import org.springframework.context.ApplicationContext;

/** For tests of other packages that send the public form: a fresh submission allowance, as WebToLeadTest starts. */
public final class WebFormRateLimits {

    private WebFormRateLimits() {
    }

    public static void reset(ApplicationContext context) {
        context.getBean(SubmissionRateLimit.class).reset();
    }
}
