package io.mobim.clearing.job;

public enum JobStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
