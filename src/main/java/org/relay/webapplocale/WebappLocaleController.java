package org.relay.webapplocale;

import org.relay.common.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;

/**
 * Serves the webapps' locale files in place of the webjar's static ones (a handler mapping wins over the static
 * resources), for anyone: the sign-in page needs them before there is a session, and they hold no data. Browsers may
 * keep a file five minutes and then revalidate it by its tag; the webapps also keep the last one in local storage and
 * refresh it in the background, so a changed text shows from the second page load after an upgrade.
 */
@RestController
class WebappLocaleController {

    private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final WebappLocaleFiles files;

    WebappLocaleController(WebappLocaleFiles files) {
        this.files = files;
    }

    @GetMapping("/camunda/app/{app}/locales/{language}.json")
    ResponseEntity<byte[]> localeFile(@PathVariable String app, @PathVariable String language, WebRequest request) {
        WebappLocaleFiles.LocaleFile file = files.file(app, language).orElseThrow(() -> NotFoundException.of(
                "problem.webapp.no-locale", language, app, WebappLanguage.OFFERED.toString(), WebappLocaleFiles.APPS.toString()));
        if (request.checkNotModified(file.etag())) {
            return null;   // 304: the browser's copy is current
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(FIVE_MINUTES)
                .eTag(file.etag())
                .body(file.bytes());
    }
}
