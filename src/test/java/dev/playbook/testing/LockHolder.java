package dev.playbook.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another process and a file lock, for tests of what a build does when one is held: locks the
 * file named by its argument, says "held" on standard output, and lets go when its standard input
 * closes. With {@code --probe} first, only tells whether the lock is free ("free" or "taken").
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("--probe")) {
            try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.tryLock()) {
                System.out.println(lock == null ? "taken" : "free");
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our input
            }
        }
    }

    /** Starts the holder in a new JVM and returns once it holds the lock. */
    public static Process start(Path file) throws IOException {
        Process process = launch(file.toString());
        String line = firstLine(process);
        if (!"held".equals(line)) {
            process.destroyForcibly();
            throw new IOException("the lock holder did not take the lock: " + line);
        }
        return process;
    }

    /** Whether another process could take the lock now: "free" or "taken". */
    public static String probe(Path file) throws IOException, InterruptedException {
        Process process = launch("--probe", file.toString());
        String line = firstLine(process);
        process.waitFor();
        return line;
    }

    private static Process launch(String... args) throws IOException {
        return Jvm.of(LockHolder.class.getName(), args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
