package dev.playbook.cli;

import dev.playbook.Outcome;
import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.diagnostics.Failure;
import dev.playbook.serve.LiveBuild;
import dev.playbook.serve.PreviewServer;
import dev.playbook.serve.SourceWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Builds the site, serves it for preview, and rebuilds on every change.",
                "Open pages reload by themselves; when an edit breaks a definition, the last good site stays "
                        + "and every open page shows the errors until the file is fixed. Ctrl-C stops it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    SourceOptions options;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080", converter = PortConverter.class,
            description = "Port to serve on, from 0 to 65535 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}, this machine only; "
                    + "give 0.0.0.0 to let others on the network see the preview.")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A port is a number from 0 to 65535; anything else is refused before anything is built. */
    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.trim());
                if (port >= 0 && port <= 65535) return port;
            } catch (NumberFormatException e) {
                // said below, in the same words as a number out of range
            }
            throw new CommandLine.TypeConversionException("`" + value + "` is not a port; give a number from 0 to 65535 "
                    + "(0 picks a free one)");
        }
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Failure unusable = options.input().unusable();
        if (unusable != null) return new Reporter(out, err).report(Outcome.failed(unusable));
        LiveBuild build = new LiveBuild(options.input(), "Playbook " + VersionProvider.version());
        print(build.rebuild(true), out, err);
        // before the first edit, not during it: the author waits a moment once, at start-up
        build.rehearse();
        PreviewServer server;
        try {
            server = new PreviewServer(build, host, port);
        } catch (BindException e) {
            err.println("playbook: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another preview running? Choose another --port, or check --host.");
            err.flush();
            return Main.USAGE_OR_FAILURE;
        } catch (IOException | IllegalArgumentException e) {
            // an address that does not resolve, or is not this machine's, is the user's to correct
            err.println("playbook: cannot listen on " + host + ":" + port + " (" + (e.getMessage() == null
                    ? "no such address" : e.getMessage()) + "); check --host");
            err.flush();
            return Main.USAGE_OR_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        SourceWatcher watcher;
        try {
            watcher = new SourceWatcher(options.source, options.templates, change -> {
                LiveBuild.Rebuild outcome = build.draft(change);
                return () -> {
                    build.show(outcome);
                    print(outcome, out, err);
                    server.announce(outcome);
                };
            });
        } catch (IOException e) {
            server.close();
            err.println("playbook: cannot watch " + options.source + " for changes: " + e.getMessage());
            err.flush();
            return Main.USAGE_OR_FAILURE;
        }
        try (server; watcher) {
            server.start();
            watcher.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                out.println("Stopped the preview.");
                out.flush();
                stopped.countDown();
            }, "playbook-stop"));
            out.println("Serving the preview at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                    + server.port() + "/ (Ctrl-C stops it)");
            out.flush();
            stopped.await();
        }
        return Main.OK;
    }

    private void print(LiveBuild.Rebuild outcome, PrintWriter out, PrintWriter err) {
        for (Diagnostic d : outcome.diagnostics()) err.println(d);
        if (outcome.failure() != null) err.println(Reporter.describe(outcome.failure()));
        if (options.verbose) Reporter.timings(outcome.millis(), outcome.summary(), err);
        if (outcome.ok() && !options.quiet) {
            out.println("Rebuilt " + Reporter.plural(outcome.rendered().size(), "page") + " (build " + outcome.version() + ")");
        } else if (!outcome.ok()) {
            err.println("The build has errors; still serving the last good site.");
        }
        out.flush();
        err.flush();
    }
}
