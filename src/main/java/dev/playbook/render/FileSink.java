package dev.playbook.render;

import java.io.IOException;

/**
 * Where finished files go as soon as they are drawn, so that a large site never has to be held
 * in memory whole. Called from several threads at once.
 */
@FunctionalInterface
public interface FileSink {
    void accept(RenderedFile file) throws IOException;

    /**
     * A file that is slow to draw and may never be asked for (an onboarding pack in the live
     * preview). A sink that hands files out on request may keep the recipe and draw the file when
     * someone asks for it; every other sink draws it now.
     */
    default void acceptOnRequest(String path, Recipe recipe) throws IOException, RenderException {
        accept(new RenderedFile(path, recipe.draw()));
    }

    /** How to draw a file later; drawing it twice gives the same bytes. */
    @FunctionalInterface
    interface Recipe {
        byte[] draw() throws RenderException;
    }
}
