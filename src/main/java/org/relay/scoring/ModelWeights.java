package org.relay.scoring;

/** How a model's weights are stored: a JSON object of feature → log-odds weight, with the bias under this key. */
final class ModelWeights {

    static final String BIAS = "(bias)";

    private ModelWeights() {
    }
}
