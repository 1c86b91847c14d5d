package org.jenkinsci.remoting;

import java.io.Serializable;

// Stub of Remoting 3261.v9c670a_4748a_9; the manifest lists this type by reference only, so no members.
public interface SerializableOnlyOverRemoting extends Serializable {}
