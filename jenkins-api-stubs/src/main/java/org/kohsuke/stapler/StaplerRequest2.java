package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Type;
import net.sf.json.JSONObject;

// Stub of Stapler 1903.1905.ve5a_f469356f0 (curated members).
public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);

    <T> T bindJSON(Class<T> type, JSONObject src);

    <T> T bindJSON(Type genericType, Class<T> erasure, Object json);

    void bindJSON(Object bean, JSONObject src);

    JSONObject getSubmittedForm() throws ServletException;
}
