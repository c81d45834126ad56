package org.relay.routing;

import org.relay.audit.AuditAction;
import org.relay.audit.AuditTrail;
import org.relay.common.ForbiddenException;
import org.relay.common.NotFoundException;
import org.relay.i18n.Languages;
import org.relay.security.Caller;
import org.relay.security.Callers;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language an advocate or partner reads Relay in — the referrer mails and their signed-link page — set by the
 * managers who look after them (as how they hear back, org.relay.referrerpreference), not only by administrators.
 */
@RestController
class AdvocateLanguageController {

    record LanguageInput(String language) {
    }

    /** {@code language}: their choice (null: none); {@code effective}: what their mails and page use. */
    record LanguageView(String code, String language, String effective, List<String> supported) {
    }

    private final AdvocateRepository advocates;
    private final Languages languages;
    private final Callers callers;
    private final AuditTrail audit;

    AdvocateLanguageController(AdvocateRepository advocates, Languages languages, Callers callers, AuditTrail audit) {
        this.advocates = advocates;
        this.languages = languages;
        this.callers = callers;
        this.audit = audit;
    }

    @GetMapping("/api/advocates/{code}/language")
    @Transactional(readOnly = true)
    LanguageView language(@PathVariable String code) {
        return view(require(code));
    }

    @PutMapping("/api/advocates/{code}/language")
    @Transactional
    LanguageView choose(@PathVariable String code, @RequestBody(required = false) LanguageInput input) {
        Advocate advocate = require(code);
        String asked = input == null ? null : input.language();
        Optional<Locale> language = languages.optional("language", asked);
        advocate.speaks(language.map(Locale::getLanguage).orElse(null));
        audit.write(AuditAction.CHANGED, null, "language of advocate " + advocate.getCode(),
                String.valueOf(advocate.getLanguage()), null);
        return view(advocate);
    }

    private LanguageView view(Advocate advocate) {
        return new LanguageView(advocate.getCode(), advocate.getLanguage(),
                languages.orDefault(advocate.getLanguage()).getLanguage(), languages.supportedTags());
    }

    /** Managers and administrators; an unknown code is 404 (checked after the role, so codes cannot be probed). */
    private Advocate require(String code) {
        Caller caller = callers.current();
        if (!caller.manager() && !caller.isAdmin()) {
            throw ForbiddenException.of("problem.advocate.language-for-managers");
        }
        return advocates.findById(code)
                .orElseThrow(() -> NotFoundException.of("problem.advocate.not-found", code));
    }
}
