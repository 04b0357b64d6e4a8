package io.mobim.clearing.job;

/** Where a long run is: its current phase and how many of its steps are done. */
@FunctionalInterface
public interface Progress {

    /** A run nobody watches. */
    Progress NONE = (phase, done, total) -> {
    };

    void phase(String phase, int done, int total);
}
