package dev.playbook.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How the person started Playbook, so that a hint can print commands they can type as they are:
 * {@code playbook} when the launcher is on the PATH, the launcher's own path otherwise, or
 * {@code java -jar} with the jar when no launcher was used.
 */
final class Launcher {
    /** Set by bin/playbook and bin/playbook.cmd: {@code playbook}, or the launcher's path as it was typed. */
    static final String PROPERTY = "playbook.launcher";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private Launcher() {
    }

    /**
     * The command that starts Playbook, quoted for the shell.
     *
     * @param elsewhere whether it will be typed in another folder, where a relative path would not work
     */
    static String command(boolean elsewhere) {
        String launcher = System.getProperty(PROPERTY);
        if (launcher != null && !launcher.isBlank()) {
            if (launcher.equals("playbook")) return launcher;
            Path path = Path.of(launcher);
            return quote((elsewhere ? path.toAbsolutePath().normalize() : path).toString());
        }
        Path jar = ownJar();
        return jar == null ? "playbook" : "java -jar " + quote(jar.toString());
    }

    /** The jar these classes were loaded from; null when they were not (tests, an IDE). */
    private static Path ownJar() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.toAbsolutePath() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** A word as a shell reads it: as it is when it is plain, else quoted (double quotes on Windows). */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) return word;
        if (Path.of("").getFileSystem().getSeparator().equals("\\")) return "\"" + word + "\"";
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
