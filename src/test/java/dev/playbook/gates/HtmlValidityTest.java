package dev.playbook.gates;

import dev.playbook.Outcome;
import dev.playbook.testing.Builds;
import dev.playbook.diagnostics.Diagnostic;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every page the bundled examples produce is checked by the Nu HTML Checker (the engine behind
 * validator.w3.org/nu), in-process and offline, and must have no errors. Warnings and info
 * messages are not failures. One checker is set up once (reading its schemas is the slow part)
 * and reused for every page.
 */
class HtmlValidityTest {
    static final Path EXAMPLES = Path.of("process-definitions");
    static final Path HOSTILE = Path.of("src/test/resources/hostile/payloads");

    @TempDir
    static Path temp;

    static Path site;
    static Checker checker;

    @BeforeAll
    static void buildAndSetUp() throws Exception {
        // the checker brings log4j 1.x (FreeMarker then logs through it too); without an appender
        // log4j complains on the console
        org.apache.log4j.Logger.getRootLogger().removeAllAppenders();
        org.apache.log4j.Logger.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
        site = temp.resolve("site");
        Outcome report = build(EXAMPLES, site);
        assertTrue(report.succeeded(), () -> "building the examples failed: " + report.failureMessage() + "\n"
                + report.diagnostics().sorted().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        checker = new Checker();
    }

    @TestFactory
    Stream<DynamicTest> everyPageOfTheExamplesIsValidHtml() throws IOException {
        List<Path> pages = htmlFiles(site);
        assertFalse(pages.isEmpty(), "the examples produced no page");
        return pages.stream().map(page -> DynamicTest.dynamicTest(site.relativize(page).toString(),
                () -> assertValid(site, page)));
    }

    /**
     * The pages made from the hostile corpus (escaped payloads in every field) must be valid too:
     * escaping that produces broken markup is a defect of its own.
     */
    @Test
    void everyPageOfTheHostileCorpusIsValidHtml() throws IOException, SAXException {
        Path out = temp.resolve("hostile-site");
        Outcome report = build(HOSTILE, out);
        assertTrue(report.succeeded(), () -> "building the hostile corpus failed: " + report.failureMessage() + "\n"
                + report.diagnostics().sorted().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        List<String> problems = new ArrayList<>();
        for (Path page : htmlFiles(out)) {
            problems.addAll(checker.check(out.relativize(page).toString(), page));
        }
        if (!problems.isEmpty()) fail(problems.size() + " HTML error(s):\n" + String.join("\n", problems));
    }

    @Test
    void theCheckerItselfFindsErrors() throws Exception {
        // a gate that passes everything is no gate: a known-bad page must be reported, with its line
        Path bad = temp.resolve("bad.html");
        Files.writeString(bad, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>x</title></head>\n"
                + "<body>\n<p><div>block in a paragraph</div></p>\n<a href=\"x\" foo=\"bar\">x</a>\n</body>\n</html>\n");
        List<String> errors = checker.check("bad.html", bad);
        assertFalse(errors.isEmpty(), "the checker accepted an invalid page");
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("bad.html:5:") || e.startsWith("bad.html:6:")), errors::toString);
    }

    static void assertValid(Path root, Path page) throws IOException, SAXException {
        List<String> errors = checker.check(root.relativize(page).toString(), page);
        if (!errors.isEmpty()) fail(errors.size() + " HTML error(s):\n" + String.join("\n", errors));
    }

    static Outcome build(Path source, Path output) {
        return Builds.build(source, source.toString(), output, null);
    }

    static List<Path> htmlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
    }

    /** One Nu checker for all pages; collects errors (and fatal errors) as {@code file:line:col: message}. */
    static final class Checker {
        private final SimpleDocumentValidator validator;
        private final Collector collector = new Collector();

        Checker() throws Exception {
            // no log4j setup of its own, no URL logging, no language detection (a heuristic that only warns)
            validator = new SimpleDocumentValidator(false, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collector);
            if (!collector.errors.isEmpty()) throw new IllegalStateException("the checker's schema: " + collector.errors);
            // noStream: buffer the document, so that every error is reported instead of stopping at the first
            // construct the streaming parser cannot handle; no external entities are ever loaded
            validator.setUpValidatorAndParsers(collector, true, false);
        }

        synchronized List<String> check(String shown, Path page) throws IOException, SAXException {
            collector.start(shown);
            try (InputStream in = Files.newInputStream(page)) {
                InputSource source = new InputSource(in);
                source.setSystemId(page.toUri().toString());
                validator.checkHtmlInputSource(source);
            }
            return List.copyOf(collector.errors);
        }
    }

    static final class Collector implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        private String file = "schema";

        void start(String shown) {
            file = shown;
            errors.clear();
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings are advice, not failures
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": error: " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": fatal: " + e.getMessage());
        }
    }
}
