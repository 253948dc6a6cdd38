package dev.playbook.render;

import java.io.IOException;

/**
 * Where finished files go as soon as they are drawn, so that a large site never has to be held
 * in memory whole. Called from several threads at once.
 */
@FunctionalInterface
public interface FileSink {
    void accept(RenderedFile file) throws IOException;
}
