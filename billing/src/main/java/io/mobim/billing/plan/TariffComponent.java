package io.mobim.billing.plan;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.charging.Direction;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One priced part of a tariff plan version.
 *
 * @param id            unique within the plan version, e.g. {@code IM_SENT}; shown on rated records
 * @param type          what the component charges
 * @param directions    message directions it applies to (message components; empty for the others)
 * @param channels      channels it applies to (message components; empty for the others)
 * @param price         price per message, per SMS segment, per day or per block; overage price of an allowance
 * @param blockBytes    block size in bytes of a VOLUME component (0 otherwise)
 * @param includedUnits messages included per month in an ALLOWANCE (0 otherwise)
 */
public record TariffComponent(
        String id,
        ComponentType type,
        Set<Direction> directions,
        Set<Channel> channels,
        BigDecimal price,
        long blockBytes,
        long includedUnits) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    public TariffComponent {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("component id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0) {
            throw new IllegalArgumentException(id + ": price must not be negative");
        }
        directions = directions == null || directions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(directions));
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        boolean messageComponent = type == ComponentType.PER_EVENT || type == ComponentType.SMS_PASS_THROUGH
                || type == ComponentType.ALLOWANCE;
        if (messageComponent && (directions.isEmpty() || channels.isEmpty())) {
            throw new IllegalArgumentException(id + ": a " + type + " component needs directions and channels");
        }
        if (!messageComponent && (!directions.isEmpty() || !channels.isEmpty())) {
            throw new IllegalArgumentException(id + ": a " + type + " component takes no directions or channels");
        }
        if (type == ComponentType.SMS_PASS_THROUGH && !channels.equals(Set.of(Channel.SMS))) {
            throw new IllegalArgumentException(id + ": the SMS price passes through on the SMS channel only");
        }
        if ((type == ComponentType.VOLUME) != (blockBytes > 0)) {
            throw new IllegalArgumentException(id + ": blockBytes > 0 exactly for VOLUME components");
        }
        if ((type == ComponentType.ALLOWANCE) != (includedUnits > 0)) {
            throw new IllegalArgumentException(id + ": includedUnits > 0 exactly for ALLOWANCE components");
        }
    }

    public static TariffComponent perEvent(String id, String price, Set<Direction> directions, Set<Channel> channels) {
        return new TariffComponent(id, ComponentType.PER_EVENT, directions, channels, new BigDecimal(price), 0, 0);
    }

    public static TariffComponent smsPassThrough(String id, String smsPrice, Set<Direction> directions) {
        return new TariffComponent(id, ComponentType.SMS_PASS_THROUGH, directions, Set.of(Channel.SMS), new BigDecimal(smsPrice), 0, 0);
    }

    public static TariffComponent allowance(String id, long included, String overagePrice, Set<Direction> directions, Set<Channel> channels) {
        return new TariffComponent(id, ComponentType.ALLOWANCE, directions, channels, new BigDecimal(overagePrice), 0, included);
    }

    public static TariffComponent dailyFee(String id, String price) {
        return new TariffComponent(id, ComponentType.DAILY_FEE, Set.of(), Set.of(), new BigDecimal(price), 0, 0);
    }

    public static TariffComponent volume(String id, long blockBytes, String pricePerBlock) {
        return new TariffComponent(id, ComponentType.VOLUME, Set.of(), Set.of(), new BigDecimal(pricePerBlock), blockBytes, 0);
    }

    /** Whether this component prices the event (service messages are filtered out before, by the engine). */
    public boolean appliesTo(ChargingEvent event) {
        return switch (type) {
            case PER_EVENT, SMS_PASS_THROUGH, ALLOWANCE -> event.kind() == ChargingKind.MESSAGE
                    && directions.contains(event.direction()) && channels.contains(event.channel());
            case DAILY_FEE -> event.kind() == ChargingKind.DAILY_ACCESS;
            case VOLUME -> event.kind() == ChargingKind.SESSION_DATA;
        };
    }
}
