package dev.playbook.dist;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notices the download carries name every library the jar bundles, at the version bundled,
 * every font among the jar's own files, and a license text for each license they name. A new
 * dependency, a version bump or a font added without its notice fails here.
 */
class ThirdPartyNoticesTest {
    private static final Path NOTICES = Path.of("src/dist/THIRD-PARTY-NOTICES.txt");
    private static final Path LICENSES = Path.of("src/dist/licenses");
    /** Written by maven-dependency-plugin (list, runtime scope) before the tests; see the pom. */
    private static final Path BUNDLED = Path.of("target/bundled-libraries.txt");
    /** groupId:artifactId:type[:classifier]:version:scope, as dependency:list writes it. */
    private static final Pattern LISTED = Pattern.compile(
            "^\\s*([\\w.-]+):([\\w.-]+):[\\w.-]+(?::[\\w.-]+)?:([\\w.-]+):(compile|runtime)\\b");
    private static final Pattern COLOURS = Pattern.compile("\u001B\\[[0-9;]*m");

    private static String notices() throws IOException {
        return Files.readString(NOTICES, StandardCharsets.UTF_8);
    }

    private static Set<String> lines(String prefix) throws IOException {
        return notices().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyBundledLibraryHasANoticeAtTheVersionBundledAndNoOtherDoes() throws IOException {
        assertTrue(Files.isRegularFile(BUNDLED), BUNDLED + " is missing; `mvn test` writes it before the "
                + "tests run, unless told -Ddist.phase=package");
        Set<String> bundled = new TreeSet<>();
        for (String line : Files.readAllLines(BUNDLED, StandardCharsets.UTF_8)) {
            Matcher m = LISTED.matcher(COLOURS.matcher(line).replaceAll(""));
            if (m.find()) bundled.add(m.group(1) + ":" + m.group(2) + " " + m.group(3));
        }
        assertTrue(bundled.size() > 5, "could not read " + BUNDLED + ": " + bundled);
        assertEquals(bundled, lines("Library:"), "THIRD-PARTY-NOTICES.txt must list exactly the bundled libraries");
    }

    @Test
    void everyFontAmongTheJarsOwnFilesHasANotice() throws IOException {
        Set<String> fonts = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/resources"), Path.of("templates")}) {
            try (Stream<Path> files = Files.walk(root)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("(?i).+\\.(ttf|otf|ttc|woff2?|pfb|afm)")).forEach(fonts::add);
            }
        }
        Set<String> noted = lines("Font:").stream().map(l -> l.split("\\s+")[0]).collect(Collectors.toSet());
        for (String font : fonts) assertTrue(noted.contains(font), font + " has no `Font: " + font + " ...` line");
    }

    @Test
    void everyLicenseNamedHasItsTextAndEveryTextIsNamed() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("licenses/([\\w.-]+\\.txt)").matcher(notices());
        while (m.find()) named.add(m.group(1));
        Set<String> present;
        try (Stream<Path> files = Files.list(LICENSES)) {
            present = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, named);
        for (String license : lines("License:")) {
            assertTrue(license.matches("[\\w.-]+ \\(licenses/[\\w.-]+\\.txt\\)"), "License: NAME (licenses/FILE.txt), not: " + license);
        }
    }
}
