package dev.playbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

@Execution(ExecutionMode.CONCURRENT)
class SafeXmlTest {
    @Test
    void textXmlAllowsIsKeptAsItIs() {
        String text = "Zamknięcie\ttab\nline\r\n emoji 🤝 private \uE000 last \uFFFD";
        assertSame(text, SafeXml.withoutForbiddenChars(text));
    }

    @Test
    void controlCharactersLoneSurrogatesAndNonCharactersGo() {
        assertEquals("ab", SafeXml.withoutForbiddenChars("a\u0000b"));
        assertEquals("abc", SafeXml.withoutForbiddenChars("\u0001a\u0008b\u001Fc\u000B"));
        assertEquals("ab", SafeXml.withoutForbiddenChars("a\uD800b"), "a high surrogate alone");
        assertEquals("ab", SafeXml.withoutForbiddenChars("a\uDC00b"), "a low surrogate alone");
        assertEquals("a🤝b", SafeXml.withoutForbiddenChars("a\uFFFE🤝\uFFFFb"));
        assertEquals("", SafeXml.withoutForbiddenChars("\u0007\u0007"));
        assertEquals("a", SafeXml.withoutForbiddenChars("a\uD83E"), "a pair cut short at the end");
    }

    @Test
    void whatIsLeftParsesAsXml() {
        String dirty = "<p>bell\u0007 nul\u0000 lone\uDFFF 🤝</p>";
        assertDoesNotThrow(() -> SafeXml.parse(SafeXml.withoutForbiddenChars(dirty)));
    }
}
