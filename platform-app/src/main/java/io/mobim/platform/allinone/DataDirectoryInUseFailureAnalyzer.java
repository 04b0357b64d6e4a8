package io.mobim.platform.allinone;

import io.mobim.embedded.DataDirectoryInUseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A second mobim on data another one uses: says so in two lines instead of a stack trace. */
final class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other mobim, or give this one its own data: --mobim.embedded.data-dir=<directory>. "
                        + "See docs/operations.md, 'Restarting after a crash'.", cause);
    }
}
