package dev.playbook.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder that the running user may not write into, also as root (whom permission bits
 * do not stop), by marking it immutable with {@code chattr +i} there.
 */
public final class Unwritable {
    private Unwritable() {
    }

    /** Whether the folder could be made unwritable here. */
    public static boolean make(Path folder) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            return !Files.isWritable(folder);
        }
        return run("chattr", "+i", folder.toString()) && !canCreateIn(folder);
    }

    public static void undo(Path folder) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) run("chattr", "-i", folder.toString());
        else Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Root's Files.isWritable says yes to an immutable folder; only trying tells. */
    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) throws InterruptedException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
