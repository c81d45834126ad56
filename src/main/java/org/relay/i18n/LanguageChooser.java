package org.relay.i18n;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** {@code ?lang=fr} on a public page switches its language and remembers it (RelayLocaleResolver's cookie). */
@Configuration
class LanguageChooser implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor chooser = new LocaleChangeInterceptor();
        chooser.setParamName("lang");
        chooser.setIgnoreInvalidLocale(true);   // ?lang=<anything> is not an error; unsupported ones are ignored
        registry.addInterceptor(chooser).addPathPatterns("/public/**");
    }
}
