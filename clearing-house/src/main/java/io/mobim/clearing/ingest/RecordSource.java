package io.mobim.clearing.ingest;

/** How an inter-operator record reached the clearing house. */
public enum RecordSource {
    /** Consumed from {@code interop.records.v1}. */
    KAFKA,
    /** Uploaded as a CSV file through the API. */
    CSV
}
