package dev.playbook.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Another Java process on the tests' own class path, for what only a second process can show. */
public final class Jvm {
    private Jvm() {
    }

    /** A process that runs {@code mainClass} with the arguments; not started yet. */
    public static ProcessBuilder of(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
