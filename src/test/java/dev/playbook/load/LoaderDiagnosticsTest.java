package dev.playbook.load;

import dev.playbook.testing.DiagnosticSpec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each folder under {@code errors/load} is one case; its files say what must be reported where. */
@Execution(ExecutionMode.CONCURRENT)
class LoaderDiagnosticsTest {

    @TestFactory
    Stream<DynamicTest> everyCaseReportsExactlyWhatItAnnounces() {
        return DiagnosticSpec.tests("load");
    }
}
