package dev.playbook.cli;

import freemarker.template.Configuration;
import net.sourceforge.plantuml.version.Version;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into the jar at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/playbook-version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The tool and what it is made of, each version as the library itself reports it, so that a
     * bug report names exactly what ran.
     */
    @Override
    public String[] getVersion() {
        return new String[] {
                "playbook " + version(),
                "PlantUML " + Version.versionString(),
                "FreeMarker " + Configuration.getVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ", " + System.getProperty("java.home") + ")"};
    }
}
