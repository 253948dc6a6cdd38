package dev.playbook.testing;

import dev.playbook.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;

/** Runs the command line in this JVM and keeps everything it printed, for tests to read. */
public final class Cli {
    private Cli() {
    }

    /** One run: the exit code (-1 if it threw, with the trace in {@code err}) and what it printed. */
    public record Result(int code, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    public static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Charset charset = Charset.defaultCharset();
        int code;
        try {
            // picocli builds its writers from System.out/err when the CommandLine is made, inside execute()
            System.setOut(new PrintStream(out, true, charset));
            System.setErr(new PrintStream(err, true, charset));
            try {
                code = Main.execute(args);
            } catch (Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                err.writeBytes(("THREW " + trace).getBytes(charset));
                code = -1;
            }
            System.out.flush();
            System.err.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Result(code, out.toString(charset), err.toString(charset));
    }
}
