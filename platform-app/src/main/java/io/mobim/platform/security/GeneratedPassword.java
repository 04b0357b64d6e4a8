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
 * A secret of the all-in-one when none is set (the admin password, the subscribers' password key): generated once,
 * written to a file only its owner may read (0600), and read from there at every later start, so it never appears in
 * a log and survives restarts.
 */
public final class GeneratedPassword {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private GeneratedPassword() {
    }

    /** The password kept in {@code file}, generated and written first when the file does not exist. */
    public static String readOrCreate(Path file) {
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
                throw new IllegalStateException("the secret file " + file + " is empty: delete it to have a new one generated, "
                        + "or set the secret it keeps (e.g. MOBIM_ADMIN_PASSWORD)");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the secret file " + file, e);
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
