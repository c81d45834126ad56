package org.relay.catalog;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** The picklists clients need to build a valid referral; labels in the caller's language, codes unchanged. */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CatalogLabels labels;

    CatalogController(CatalogLabels labels) {
        this.labels = labels;
    }

    @GetMapping
    Catalog catalog(Locale locale) {
        return labels.translated(locale);
    }
}
