package org.jenkinsci.plugins.workflow.steps;

// Stub of workflow-step-api 710.v3e456cc85233; the manifest lists this type by reference only, so no members
// (the constructor is package-private so that it stays out of the API the stubs claim).
public abstract class BodyInvoker {
    BodyInvoker() {}
}
