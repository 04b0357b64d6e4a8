package io.mobim.wv.model;

/**
 * One {@code <Transaction>}: its descriptor and the single primitive in {@code <TransactionContent>}.
 *
 * @param mode Request or Response
 * @param transactionId the ID, echoed in the answer; {@code ""} for the empty {@code <TransactionID/>}
 *                      of a Polling-Request; {@code null} when absent
 * @param poll the server's {@code <Poll>} ("more queued, poll now"), {@code null} when absent
 * @param primitive the content
 */
public record Transaction(TransactionMode mode, String transactionId, Boolean poll, Primitive primitive) {

    public Transaction {
        if (mode == null) {
            throw new IllegalArgumentException("mode");
        }
        if (primitive == null) {
            throw new IllegalArgumentException("primitive");
        }
    }

    public static Transaction request(String transactionId, Primitive primitive) {
        return new Transaction(TransactionMode.REQUEST, transactionId, null, primitive);
    }

    public static Transaction response(String transactionId, Primitive primitive) {
        return new Transaction(TransactionMode.RESPONSE, transactionId, null, primitive);
    }
}
