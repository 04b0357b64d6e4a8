package io.mobim.bench.im;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts and times every JDBC round trip the application makes (statement executions, commits, rollbacks), per
 * SQL text, by wrapping the {@code dataSource} bean. Only on when asked ({@code sqlProfile=true}): the wrapping
 * costs a little, so the headline figures are measured without it. Time is client-side wall time of the call
 * (network, PostgreSQL, waiting for a core on a shared machine).
 */
final class SqlProfile implements BeanPostProcessor {

    private final Map<String, Stat> stats = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && "dataSource".equals(beanName)) {
            return wrap(ds, DataSource.class, (target, m, args) -> {
                Object r = m.invoke(target, args);
                return r instanceof Connection c && m.getName().equals("getConnection") ? connection(c) : r;
            });
        }
        return bean;
    }

    void reset() {
        stats.clear();
    }

    /** Rows of (calls, total ms, sql), most time first. */
    List<String> report(long perUnit, String unitName) {
        List<Map.Entry<String, Stat>> rows = new ArrayList<>(stats.entrySet());
        rows.sort((a, b) -> Long.compare(b.getValue().nanos.sum(), a.getValue().nanos.sum()));
        long totalCalls = rows.stream().mapToLong(e -> e.getValue().calls.sum()).sum();
        long totalNanos = rows.stream().mapToLong(e -> e.getValue().nanos.sum()).sum();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "  JDBC round trips: %d (%.2f per %s), %.0f ms in JDBC calls (%.3f ms per %s)",
                totalCalls, (double) totalCalls / perUnit, unitName, totalNanos / 1e6, totalNanos / 1e6 / perUnit, unitName));
        out.add("    calls/" + unitName + "   share   avg ms  statement");
        for (Map.Entry<String, Stat> e : rows) {
            long calls = e.getValue().calls.sum();
            long nanos = e.getValue().nanos.sum();
            out.add(String.format(Locale.ROOT, "    %8.2f  %5.1f%%  %7.3f  %s", (double) calls / perUnit,
                    100.0 * nanos / Math.max(1, totalNanos), nanos / 1e6 / Math.max(1, calls), e.getKey()));
        }
        return out;
    }

    private Connection connection(Connection c) {
        return wrap(c, Connection.class, (target, m, args) -> {
            String name = m.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                return timed(name.toUpperCase(Locale.ROOT), () -> m.invoke(target, args));
            }
            Object r = m.invoke(target, args);
            if (r instanceof PreparedStatement ps && name.equals("prepareStatement")) {
                String sql = normalise((String) args[0]);
                return wrap(ps, PreparedStatement.class, (t, pm, pargs) -> pm.getName().startsWith("execute")
                        ? timed(sql, () -> pm.invoke(t, pargs)) : pm.invoke(t, pargs));
            }
            if (r instanceof Statement s && name.equals("createStatement")) {
                return wrap(s, Statement.class, (t, sm, sargs) -> sm.getName().startsWith("execute") && sargs != null && sargs.length > 0
                        ? timed(normalise((String) sargs[0]), () -> sm.invoke(t, sargs)) : sm.invoke(t, sargs));
            }
            return r;
        });
    }

    private Object timed(String key, Call call) throws Throwable {
        long t0 = System.nanoTime();
        try {
            return call.run();
        } finally {
            Stat s = stats.computeIfAbsent(key, k -> new Stat());
            s.calls.increment();
            s.nanos.add(System.nanoTime() - t0);
        }
    }

    private final Map<String, String> normalised = new ConcurrentHashMap<>();

    /** The statement on one line, shortened; cached, so that the profile itself costs little CPU. */
    private String normalise(String sql) {
        return normalised.computeIfAbsent(sql, q -> {
            String s = q.replaceAll("\\s+", " ").trim();
            return s.length() > 150 ? s.substring(0, 150) + "..." : s;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type, Handler handler) {
        InvocationHandler h = (proxy, m, args) -> {
            switch (m.getName()) {
                case "equals":
                    if (m.getParameterCount() == 1) {
                        return proxy == args[0];
                    }
                    break;
                case "hashCode":
                    if (m.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                default:
                    break;
            }
            try {
                return handler.handle(target, m, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(SqlProfile.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method m, Object[] args) throws Throwable;
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Throwable;
    }

    private static final class Stat {
        final LongAdder calls = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }
}
