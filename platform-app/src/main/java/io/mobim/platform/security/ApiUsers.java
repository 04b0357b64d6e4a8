package io.mobim.platform.security;

import io.mobim.billing.reconciliation.MessageLogClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of the HTTP APIs, from {@link AdminSettings}, checked at startup: a password that is set must not be
 * empty nor too long for the hash; a user without its password (or the reverse) is a mistake, not a silent skip.
 * The admin password is required unless a {@code passwordFile} says where to keep a generated one (the all-in-one).
 */
public final class ApiUsers {

    private final List<UserDetails> users;
    private final String adminUser;
    private final Path generatedPasswordFile;

    private ApiUsers(List<UserDetails> users, String adminUser, Path generatedPasswordFile) {
        this.users = users;
        this.adminUser = adminUser;
        this.generatedPasswordFile = generatedPasswordFile;
    }

    static ApiUsers from(AdminSettings settings, PasswordEncoder encoder) {
        return from(settings, encoder, null);
    }

    /**
     * @param inProcess the user this process's own billing reads its message log as (the all-in-one runtime), or null
     */
    static ApiUsers from(AdminSettings settings, PasswordEncoder encoder, MessageLogClient.Credentials inProcess) {
        Path generatedIn = null;
        String adminPassword = settings.password();
        if (adminPassword == null) {
            if (settings.passwordFile() == null) {
                throw new IllegalStateException("mobim.admin.password (MOBIM_ADMIN_PASSWORD) is not set: a deployment must set "
                        + "it, the same for every replica (the Helm chart takes it from a Secret); only the all-in-one "
                        + "runtime generates one");
            }
            generatedIn = settings.passwordFile().toAbsolutePath().normalize();
            adminPassword = GeneratedPassword.readOrCreate(generatedIn);
        }
        List<UserDetails> users = new ArrayList<>();
        users.add(user(settings.user(), checked("mobim.admin.password", adminPassword), encoder, ApiRoles.OPERATOR_ADMIN));
        optionalUser("billing", settings.billingUser(), settings.billingPassword(), encoder, ApiRoles.BILLING).ifPresent(users::add);
        optionalUser("clearing", settings.clearingUser(), settings.clearingPassword(), encoder, ApiRoles.CLEARING).ifPresent(users::add);
        optionalUser("metrics", settings.metricsUser(), settings.metricsPassword(), encoder, ApiRoles.METRICS).ifPresent(users::add);
        if (inProcess != null) {
            users.add(user(inProcess.username(), inProcess.password(), encoder, ApiRoles.MESSAGE_LOG_READER));
        }
        return new ApiUsers(List.copyOf(users), settings.user(), generatedIn);
    }

    List<UserDetails> users() {
        return users;
    }

    /** The operator admin's user name. */
    public String adminUser() {
        return adminUser;
    }

    /** Where the generated admin password is kept, when it was generated (the all-in-one without a set one). */
    public Optional<Path> generatedPasswordFile() {
        return Optional.ofNullable(generatedPasswordFile);
    }

    private static Optional<UserDetails> optionalUser(String name, String user, String password, PasswordEncoder encoder,
                                                      String role) {
        String prefix = "mobim.admin." + name;
        if (user == null && password == null) {
            return Optional.empty();
        }
        if (user == null || user.isBlank()) {
            throw new IllegalStateException(prefix + "-password is set without " + prefix + "-user");
        }
        if (password == null) {
            throw new IllegalStateException(prefix + "-user is set without " + prefix + "-password");
        }
        return Optional.of(user(user, checked(prefix + "-password", password), encoder, role));
    }

    private static String checked(String property, String password) {
        if (password.isBlank()) {
            throw new IllegalStateException(property + " is set but empty: an empty password is refused");
        }
        if (Passwords.tooLong(password)) {
            throw new IllegalStateException(property + " is longer than " + Passwords.MAX_BYTES
                    + " bytes in UTF-8, more than the password hash reads");
        }
        return password;
    }

    private static UserDetails user(String name, String password, PasswordEncoder encoder, String role) {
        return User.withUsername(name).password(encoder.encode(password)).roles(role).build();
    }
}
