package net.sf.json;

// Stub of json-lib 2.4-jenkins-8: the package-private superclass of JSONObject, without members.
abstract class AbstractJSON {
    AbstractJSON() {}
}
