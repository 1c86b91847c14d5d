package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

// Stub of Stapler 1903.1905.ve5a_f469356f0 (the deprecated javax overload is left out).
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        throw new UnsupportedOperationException("stub");
    }
}
