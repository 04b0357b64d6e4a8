package io.mobim.platform.support;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Every SQL statement the application sends, with the thread that sent it, while a test records: the pool's
 * connections come from the real driver through a proxy that notes each statement prepared or executed. The pool
 * stays the application's own (HikariCP, unwrapping to the driver's connection as before).
 */
public class StatementLog implements BeanPostProcessor {

    private static volatile Queue<Sent> recording;

    /** A statement: its text and the thread that sent it. */
    public record Sent(String thread, String sql) {
    }

    /** The statements sent, by any thread, while {@code action} ran. */
    public static synchronized List<Sent> during(Runnable action) {
        Queue<Sent> log = new ConcurrentLinkedQueue<>();
        recording = log;
        try {
            action.run();
        } finally {
            recording = null;
        }
        return new ArrayList<>(log);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null && hikari.getJdbcUrl() != null) {
            hikari.setDataSource(new Logging(hikari));
        }
        return bean;
    }

    private static void note(String sql) {
        Queue<Sent> log = recording;
        if (log != null) {
            log.add(new Sent(Thread.currentThread().getName(), sql));
        }
    }

    /** Connections from the driver, as the pool would open them, wrapped. */
    private static final class Logging extends AbstractDataSource {
        private final String url;
        private final Properties properties = new Properties();

        Logging(HikariDataSource hikari) {
            this.url = hikari.getJdbcUrl();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return noting(DriverManager.getConnection(url, properties));
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            Properties with = new Properties();
            with.putAll(properties);
            with.setProperty("user", username);
            if (password != null) {
                with.setProperty("password", password);
            }
            return noting(DriverManager.getConnection(url, with));
        }

        private static Connection noting(Connection real) {
            return (Connection) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {Connection.class},
                    new Noting(real, true));
        }
    }

    /** Passes every call through; notes prepared statements at preparation and plain ones at execution. */
    private record Noting(Object real, boolean connection) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                note((String) args[0]);
            } else if (!connection && name.startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                note(sql);
            }
            try {
                Object result = method.invoke(real, args);
                if (connection && name.equals("createStatement")) {
                    return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {Statement.class},
                            new Noting(result, false));
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
