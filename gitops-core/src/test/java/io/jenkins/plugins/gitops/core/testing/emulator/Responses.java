package io.jenkins.plugins.gitops.core.testing.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;

/** HTTP responses with JSON bodies. */
final class Responses {

    private Responses() {}

    static MockResponse json(int code, JsonNode body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(JsonTrees.write(body));
    }

    static MockResponse text(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "text/plain")
                .setBody(body);
    }
}
