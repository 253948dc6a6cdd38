package dev.playbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The files {@code init} writes, read from the jar. The CI files download the very release that
 * wrote them, so a new project builds the same in CI as on the author's machine.
 */
final class StarterFiles {
    /** Where releases are published: the one place to change when they move. */
    static final String RELEASES = "https://playbook.dev/download/";
    private static final String URL_MARK = "@PLAYBOOK_URL@";

    private StarterFiles() {
    }

    static String releaseUrl(String version) {
        return RELEASES + "playbook-" + version + ".tar.gz";
    }

    /** The bytes of a starter file; CI files get the release's download address filled in. */
    static byte[] content(String resource) throws IOException {
        byte[] bytes;
        try (InputStream in = StarterFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the jar is missing " + resource);
            bytes = in.readAllBytes();
        }
        if (!resource.endsWith(".yml")) return bytes;
        return new String(bytes, StandardCharsets.UTF_8).replace(URL_MARK, releaseUrl(VersionProvider.version()))
                .getBytes(StandardCharsets.UTF_8);
    }
}
