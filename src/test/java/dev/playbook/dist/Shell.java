package dev.playbook.dist;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the launcher as a person's shell would: a clean environment, a chosen PATH and working folder. */
final class Shell {
    /**
     * Everything the launcher may call besides Java. A PATH of only these (and a java) proves it
     * needs nothing else: no Maven, no bash, no readlink or sed.
     */
    static final List<String> ESSENTIALS = List.of("ls", "find", "head", "wc", "cksum", "mkdir", "mv", "rm");
    /** A JVM run on a busy machine may take a while; this only ends a run that hangs. */
    private static final long TIMEOUT_SECONDS = 600;

    private Shell() {
    }

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** A folder holding links to the essential commands, found on this machine's PATH. */
    static Path essentials(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String command : ESSENTIALS) {
            Files.createSymbolicLink(folder.resolve(command), find(command));
        }
        return folder;
    }

    /** This test's own Java, for a PATH that should have one. */
    static Path java() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    }

    private static Path find(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(command + " is not on this machine's PATH");
    }

    /** Runs {@code script} with /bin/sh in {@code folder}, with exactly the environment given. */
    static Result sh(Path folder, Map<String, String> environment, String script) throws Exception {
        return run(folder, environment, List.of("/bin/sh", "-c", script));
    }

    static Result run(Path folder, Map<String, String> environment, List<String> command) throws Exception {
        Path out = Files.createTempFile(folder, "out", ".txt");
        Path err = Files.createTempFile(folder, "err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Quotes a word for /bin/sh. */
    static String quote(Object word) {
        return "'" + word.toString().replace("'", "'\\''") + "'";
    }
}
