package io.mobim.billing.plan;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/** JDBC access to {@code billing.tariff_plan_version} and {@code billing.tariff_component}. Versions are never updated. */
public class PlanStore {

    private final JdbcTemplate jdbc;

    public PlanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TariffPlanVersion> loadAll() {
        Map<String, List<TariffComponent>> components = new LinkedHashMap<>();
        jdbc.query("select * from billing.tariff_component order by plan_id, version, position", rs -> {
            components.computeIfAbsent(rs.getString("plan_id") + "#" + rs.getInt("version"), k -> new ArrayList<>())
                    .add(new TariffComponent(rs.getString("component_id"), ComponentType.valueOf(rs.getString("type")),
                            enums(rs.getString("directions"), Direction.class), enums(rs.getString("channels"), Channel.class),
                            rs.getBigDecimal("price"), rs.getLong("block_bytes"), rs.getLong("included_units")));
        });
        return jdbc.query("select * from billing.tariff_plan_version order by plan_id, version", (rs, n) -> new TariffPlanVersion(
                rs.getString("plan_id"), rs.getInt("version"), rs.getString("name"), rs.getTimestamp("active_from").toInstant(),
                Currency.getInstance(rs.getString("currency")), RoundingMode.valueOf(rs.getString("rounding")), rs.getInt("decimals"),
                components.getOrDefault(rs.getString("plan_id") + "#" + rs.getInt("version"), List.of())));
    }

    /** Inserts a version unless that (plan, version) exists; returns whether it was inserted. */
    public boolean insertIfAbsent(TariffPlanVersion v) {
        int inserted = jdbc.update("insert into billing.tariff_plan_version (plan_id, version, name, active_from, currency, rounding, decimals) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict (plan_id, version) do nothing",
                v.planId(), v.version(), v.name(), Timestamp.from(v.activeFrom()), v.currency().getCurrencyCode(),
                v.rounding().name(), v.decimals());
        if (inserted == 0) {
            return false;
        }
        List<TariffComponent> cs = v.components();
        for (int i = 0; i < cs.size(); i++) {
            TariffComponent c = cs.get(i);
            jdbc.update("insert into billing.tariff_component (plan_id, version, position, component_id, type, directions, "
                            + "channels, price, block_bytes, included_units) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    v.planId(), v.version(), i, c.id(), c.type().name(), join(c.directions()), join(c.channels()), c.price(),
                    c.blockBytes(), c.includedUnits());
        }
        return true;
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> enums(String csv, Class<E> type) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        EnumSet<E> out = EnumSet.noneOf(type);
        Arrays.stream(csv.split(",")).map(s -> Enum.valueOf(type, s.trim())).forEach(out::add);
        return out;
    }
}
