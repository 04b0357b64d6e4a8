package io.mobim.smpp.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.sms.SmsMt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class SmppKafkaConfigurationTest {

    @Test
    void theDeadLetterReasonIsTheMalformedEventsMessage() {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        MalformedEvent malformed;
        try {
            new JsonEventSerde<>(SmsMt.class).deserialize("sms.mt.v1", garbage);
            throw new AssertionError("garbage read as an SmsMt");
        } catch (MalformedEvent e) {
            malformed = e;
        }
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed to deserialize", garbage, false, malformed));
        assertThat(MalformedEvent.reasonOf(wrapped)).startsWith("not a valid SmsMt on sms.mt.v1");
        assertThat(MalformedEvent.reasonOf(new IllegalStateException("db down"))).isEqualTo("db down");
    }
}
