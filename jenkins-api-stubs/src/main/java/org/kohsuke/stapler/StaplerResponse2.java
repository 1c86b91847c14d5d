package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

// Stub of Stapler 1903.1905.ve5a_f469356f0; the manifest lists this type by reference only, so no members.
public interface StaplerResponse2 extends HttpServletResponse {}
