package dev.playbook.cli;

import dev.playbook.diagnostics.Diagnostic;
import dev.playbook.serve.LiveBuild;
import dev.playbook.serve.PreviewServer;
import dev.playbook.serve.SourceWatcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "8080",
            description = "Port to serve on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE}, this machine only; "
                    + "give 0.0.0.0 to let others on the network see the preview.")
    String host;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveBuild build = new LiveBuild(options.input(), "Playbook " + VersionProvider.version());
        print(build.rebuild(true), out, err);
        PreviewServer server;
        try {
            server = new PreviewServer(build, host, port);
        } catch (BindException e) {
            err.println("playbook: cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); is another preview running? Choose another --port.");
            err.flush();
            return Main.USAGE_OR_FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (server; SourceWatcher watcher = new SourceWatcher(options.source, options.templates, theme -> {
            LiveBuild.Outcome outcome = build.rebuild(theme);
            print(outcome, out, err);
            server.announce(outcome);
        })) {
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

    private void print(LiveBuild.Outcome outcome, PrintWriter out, PrintWriter err) {
        for (Diagnostic d : outcome.diagnostics()) err.println(d);
        if (outcome.failure() != null) err.println("playbook: " + outcome.failure());
        if (outcome.ok() && !options.quiet) {
            out.println("Rebuilt " + Reporter.plural(outcome.rendered().size(), "page") + " (build " + outcome.version() + ")");
        } else if (!outcome.ok()) {
            err.println("The build has errors; still serving the last good site.");
        }
        out.flush();
        err.flush();
    }
}
