package dev.playbook.cli;

import dev.playbook.Pipeline;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The options every command that reads definitions shares. */
final class SourceOptions {
    @Option(names = "--source", paramLabel = "DIR", defaultValue = "process-definitions",
            description = "Folder of playbook definitions (*.yaml, *.yml; site.yaml for site settings). Default: ${DEFAULT-VALUE}.")
    Path source;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Folder of templates, messages and assets that override the bundled theme file by file.")
    Path templates;

    @Option(names = "--cache", paramLabel = "DIR", defaultValue = ".playbook-cache",
            description = "Folder where drawn diagrams are kept between builds, so unchanged ones are not drawn again. Default: ${DEFAULT-VALUE}.")
    Path cache;

    @Option(names = "--no-cache", description = "Draw every diagram afresh and keep none.")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also print how long each step took.")
    boolean verbose;

    /** What the site is made from, as the pipeline takes it. */
    Pipeline.Input input() {
        return new Pipeline.Input(source, sourceShown(), templates, cacheOrNull());
    }

    Path cacheOrNull() {
        return noCache ? null : cache;
    }

    /** The source folder as the user named it, which is how file names appear in messages. */
    String sourceShown() {
        return shown(source);
    }

    /** A folder as the user named it, without a trailing slash; the current folder is the empty name. */
    static String shown(Path folder) {
        String shown = folder.toString().replace('\\', '/');
        while (shown.endsWith("/") && shown.length() > 1) shown = shown.substring(0, shown.length() - 1);
        return shown.equals(".") ? "" : shown;
    }
}
