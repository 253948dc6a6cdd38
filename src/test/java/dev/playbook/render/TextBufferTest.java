package dev.playbook.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.PrintWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Execution(ExecutionMode.CONCURRENT)
class TextBufferTest {
    @Test
    void keepsEveryWayOfWritingInOrder() {
        TextBuffer buffer = new TextBuffer(4);
        buffer.write('Z');
        buffer.write("xxamkxx", 2, 3);
        buffer.write("nię".toCharArray(), 0, 3);
        buffer.append("cie").append(' ').append("🤝", 0, 2);
        buffer.write(" łódź");
        assertEquals("Zamknięcie 🤝 łódź", buffer.toString());
    }

    @Test
    void worksBehindAnotherWriter() {
        TextBuffer buffer = new TextBuffer(0);
        try (PrintWriter out = new PrintWriter(buffer)) {
            out.print("a");
            out.printf("%d%s", 1, "b");
        }
        assertEquals("a1b", buffer.toString());
        assertEquals("a1b", buffer.toString(), "closing keeps the text");
    }
}
