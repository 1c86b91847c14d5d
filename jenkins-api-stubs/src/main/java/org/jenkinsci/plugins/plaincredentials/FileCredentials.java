package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

// Stub of plain-credentials 199.v9f8e1f741799.
public interface FileCredentials extends StandardCredentials {
    String getFileName();

    InputStream getContent() throws IOException;
}
