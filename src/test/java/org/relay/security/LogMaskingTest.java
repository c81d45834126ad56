package org.relay.security;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relay.support.RelayIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Contact data never reaches the log in clear: the log configuration masks it in every message and stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest extends RelayIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

    @Test
    void emails_and_phone_numbers_are_masked_in_log_lines_and_exceptions(CapturedOutput output) {
        log.warn("Could not reach kiara.thompson@mail.example on +1 (555) 010-1234 about REF-000042 on 2026-11-25");
        log.error("Job failed", new IllegalStateException("duplicate key (email)=(kiara.thompson@mail.example) 5550101234"));

        Assertions.assertThat(output.getOut())
                .contains("k***@mail.example")
                .contains("+* (***) ***-**34")
                .contains("REF-000042").contains("2026-11-25")
                .contains("(email)=(k***@mail.example) ********34")
                .doesNotContain("kiara.thompson@").doesNotContain("010-1234").doesNotContain("5550101234");
    }

    @Test
    void ids_amounts_and_dates_are_left_alone() {
        Assertions.assertThat(PiiMasking.mask("REF-000123 450000 USD 2026-11-25T10:00:00Z 49acf7ae-e925-11f1-8950-02fc00000001"))
                .isEqualTo("REF-000123 450000 USD 2026-11-25T10:00:00Z 49acf7ae-e925-11f1-8950-02fc00000001");
        Assertions.assertThat(PiiMasking.mask("call 0161 496 0000 or +44 20 7946 0958"))
                .isEqualTo("call **** *** **00 or +** ** **** **58");
    }
}
