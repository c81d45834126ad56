package org.relay.customerstatus;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The customer's status page ({@code relay.customer-status.*}); the link's lifetime is
 * {@code relay.links.customer-status.ttl} (org.relay.links).
 *
 * @param pageViewsPerIpPerMinute requests of the page (any link) one address may make per minute
 * @param postsPerIpPerMinute     messages and withdrawals one address may send per minute
 * @param messageMaxLength        characters a customer's message may have
 */
@ConfigurationProperties("relay.customer-status")
public record CustomerStatusProperties(Integer pageViewsPerIpPerMinute, Integer postsPerIpPerMinute,
                                       Integer messageMaxLength) {

    public CustomerStatusProperties {
        pageViewsPerIpPerMinute = pageViewsPerIpPerMinute == null || pageViewsPerIpPerMinute < 1 ? 30 : pageViewsPerIpPerMinute;
        postsPerIpPerMinute = postsPerIpPerMinute == null || postsPerIpPerMinute < 1 ? 5 : postsPerIpPerMinute;
        messageMaxLength = messageMaxLength == null || messageMaxLength < 1 || messageMaxLength > 4000 ? 2000 : messageMaxLength;
    }
}
