package io.mobim.events;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * Kafka serializer and deserializer for one event type, through {@link EventJson}. A record that does not
 * read as the type throws {@link MalformedEvent}, which the consumers' error handlers route to the
 * dead-letter topic without retrying.
 */
public final class JsonEventSerde<T> implements Serializer<T>, Deserializer<T> {

    private final Class<T> type;
    /** Bound to the type once: {@code mapper.readValue(bytes, type)} resolves the type and its deserializer per call. */
    private final ObjectReader reader;

    public JsonEventSerde(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        this.reader = EventJson.mapper().readerFor(type);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : EventJson.mapper().writeValueAsBytes(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new MalformedEvent("empty record on " + topic);
        }
        try {
            return reader.readValue(data);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            // records validate themselves in their constructors: those failures are malformed input too
            throw new MalformedEvent("not a valid " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // configured by its constructor
    }

    @Override
    public void close() {
        // holds nothing to release: the mapper is shared
    }
}
