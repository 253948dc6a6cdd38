package dev.playbook.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test classpath in a JVM of its own whose temporary folder
 * ({@code java.io.tmpdir}, and {@code TMPDIR} for any program it starts) is one the test chose:
 * whatever appears there came from that JVM, whatever else the machine writes to its {@code /tmp}.
 */
public final class ChildJvm {
    /** Only against a hang: a child that has not ended by then is stopped. */
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private ChildJvm() {
    }

    /** One run: the exit code and everything it printed, standard output and error together. */
    public record Result(int code, String output) {
    }

    public static Result run(Path tmpdir, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the JVM's own performance data file would go to the system's temporary folder
                "-XX:-UsePerfData",
                "-Dfile.encoding=" + Charset.defaultCharset().name(),
                "-Djava.io.tmpdir=" + tmpdir.toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", tmpdir.toAbsolutePath().toString());
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(main.getName() + " did not end within " + LIMIT.toMinutes() + " minutes");
        }
        try {
            return new Result(process.exitValue(), output.get());
        } catch (ExecutionException e) {
            throw new IOException("cannot read what " + main.getName() + " printed", e.getCause());
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), Charset.defaultCharset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
