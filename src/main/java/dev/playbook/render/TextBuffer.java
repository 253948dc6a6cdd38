package dev.playbook.render;

import java.io.Writer;

/**
 * A writer into a plain {@link StringBuilder}: what {@link java.io.StringWriter} does without the
 * lock its {@link StringBuffer} takes on every write, which templates and XML serializers, writing
 * a few characters at a time, pay for thousands of times a page.
 */
public final class TextBuffer extends Writer {
    private final StringBuilder text;

    public TextBuffer(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
        text.append(s, offset, offset + length);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public TextBuffer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public TextBuffer append(CharSequence s, int start, int end) {
        text.append(s, start, end);
        return this;
    }

    @Override
    public TextBuffer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
