package org.relay.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so Relay's API, Tasklist and Cockpit share one
 * set of users and passwords (and Camunda's lock-out after repeated wrong passwords).
 */
@Component
class CamundaPasswordAuthentication implements AuthenticationProvider {

    private final VerifiedCredentials credentials;
    private final RelayAuthorities authorities;

    CamundaPasswordAuthentication(VerifiedCredentials credentials, RelayAuthorities authorities) {
        this.credentials = credentials;
        this.authorities = authorities;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String userId = request.getName();
        Object password = request.getCredentials();
        if (userId == null || userId.isBlank() || !(password instanceof String secret)
                || !credentials.check(userId, secret)) {
            throw new BadCredentialsException("Wrong user or password");
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities.of(userId));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
