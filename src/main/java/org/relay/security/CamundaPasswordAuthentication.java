package org.relay.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda's identity service, so Relay's API, Tasklist and Cockpit share one
 * set of users and passwords; repeated wrong passwords are throttled in front of it (SignInThrottleFilter).
 */
@Component
class CamundaPasswordAuthentication implements AuthenticationProvider {

    private final VerifiedCredentials credentials;

    CamundaPasswordAuthentication(VerifiedCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String userId = request.getName();
        Object password = request.getCredentials();
        if (userId == null || userId.isBlank() || !(password instanceof String secret)) {
            throw new BadCredentialsException("Wrong user or password");
        }
        var authorities = credentials.authoritiesIfCorrect(userId, secret)
                .orElseThrow(() -> new BadCredentialsException("Wrong user or password"));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
