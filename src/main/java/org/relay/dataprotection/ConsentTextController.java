package org.relay.dataprotection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** {@code GET /api/data-protection/consent-texts}: every consent text shown, by version (compliance, administrators). */
@RestController
class ConsentTextController {

    private final ConsentTexts texts;

    ConsentTextController(ConsentTexts texts) {
        this.texts = texts;
    }

    @GetMapping("/api/data-protection/consent-texts")
    List<Map<String, Object>> all() {
        return texts.all();
    }
}
