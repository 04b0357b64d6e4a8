package io.mobim.smpp.mo;

/**
 * How many MOs the IM core has not yet handled, as {@link MoAdmission} sees it: read from Kafka now and then
 * ({@code kafka.KafkaMoLag}) and brought forward in between by the MOs the gateway publishes ({@link MoHandler}
 * tells it of each publish and of its outcome), or counted in the process where the IM core runs beside the gateway
 * ({@link HandledMoLag}).
 */
public interface MoLag {

    /** No such signal: the gateway runs without Kafka (tests that bring their own sinks). */
    MoLag NONE = new MoLag() {
        @Override
        public long estimate() {
            return 0;
        }

        @Override
        public void publishing() {
        }

        @Override
        public void settled(boolean stored) {
        }
    };

    /** MOs published and not yet handled by the IM core, as far as this gateway can tell now. */
    long estimate();

    /** One more MO sent to Kafka: it counts as not yet handled until a read of the lag sees it. */
    void publishing();

    /** A publish has its outcome: the broker has the MO ({@code stored}), or it was refused. */
    void settled(boolean stored);
}
