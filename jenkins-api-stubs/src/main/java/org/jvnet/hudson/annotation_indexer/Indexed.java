package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Stub of annotation-indexer 1.17 (not resolvable from Maven Central). The project's own processor
// (jenkins-annotation-processor) writes META-INF/annotations/<annotation> for annotations carrying this.
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {}
