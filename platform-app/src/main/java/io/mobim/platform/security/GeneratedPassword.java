package io.mobim.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The all-in-one's admin password when none is set: generated once, written to a file only its owner may read
 * (0600), and read from there at every later start, so it never appears in a log and survives restarts.
 */
final class GeneratedPassword {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private GeneratedPassword() {
    }

    /** The password kept in {@code file}, generated and written first when the file does not exist. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    create(file, generate());
                } catch (FileAlreadyExistsException raced) {
                    // another process of the same data directory wrote it first: read theirs
                }
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException("the admin password file " + file + " is empty: delete it to have a new "
                        + "password generated, or set MOBIM_ADMIN_PASSWORD");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the admin password file " + file, e);
        }
    }

    private static void create(Path file, String password) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        boolean posix = Files.getFileStore(dir == null ? Path.of(".") : dir).supportsFileAttributeView("posix");
        Path created = posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createFile(file);
        if (posix) {
            Files.setPosixFilePermissions(created, OWNER_ONLY); // the umask may have narrowed the creation mode, never widened it
        }
        Files.writeString(created, password + "\n", StandardCharsets.UTF_8);
    }

    /** A new random password (144 bits), URL-safe. */
    static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
