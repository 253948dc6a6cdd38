package dev.playbook;

import dev.playbook.changes.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of everything a site is made from: the tool itself, the definitions and the user's
 * templates. Equal fingerprints mean a build would write the same bytes again.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    /** @param baseline the version the site marks its changes against, or null */
    static String of(String toolIdentity, String generator, Path source, Path templates, Revision baseline) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((toolIdentity + '\n' + generator + '\n').getBytes(StandardCharsets.UTF_8));
            folder(sha, "definitions", source);
            if (templates != null) folder(sha, "templates", templates);
            if (baseline instanceof Revision.Folder f) folder(sha, "baseline", f.path());
            if (baseline instanceof Revision.Git g) sha.update(("baseline " + g.tree() + '\n').getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        } catch (IOException | UncheckedIOException e) {
            // unreadable input is reported by the build itself; a fingerprint that matches nothing draws anew
            return "unreadable-" + System.nanoTime();
        }
    }

    private static void folder(MessageDigest sha, String label, Path folder) throws IOException {
        sha.update((label + '\n').getBytes(StandardCharsets.UTF_8));
        if (!Files.isDirectory(folder)) return;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha.update((folder.relativize(file).toString().replace('\\', '/') + '\0').getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(file));
        }
    }
}
