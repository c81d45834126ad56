package org.relay.engine;

import org.relay.security.PasswordCheckOutcomes;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;

/**
 * Camunda's database identity provider, telling {@link PasswordCheckOutcomes} the verdict of each password check.
 * Public with a public constructor: the engine instantiates it per command ({@link PasswordCheckReporting}).
 */
@WrittenFor(camunda = "7.24.0")
public class ReportingIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean correct = super.checkPassword(userId, password);
        PasswordCheckOutcomes.report(userId, correct);
        return correct;
    }
}
