package org.relay.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the base URL people reach Relay at, used in email links; never guessed from a request's Host header
 */
@ConfigurationProperties("relay")
public record RelayProperties(String publicUrl) {

    public RelayProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }

    public String tasklistLink(String taskId) {
        return publicUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }
}
