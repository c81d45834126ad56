package org.relay.tasklist;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the Tasklist forms of forms/ at /forms/ (formKey "embedded:/forms/….html"). They are embedded forms: HTML
 * and a script, no data; inside Tasklist they read the referral from Relay's API with the user's session, so what a
 * form shows follows Relay's access rules. (Served by Relay rather than from the engine deployment, whose resource
 * names differ between a build folder and the packaged jar.)
 */
@Configuration
class TasklistForms implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/**").addResourceLocations("classpath:/forms/");
    }
}
