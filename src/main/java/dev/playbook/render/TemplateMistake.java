package dev.playbook.render;

import dev.playbook.diagnostics.Position;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;

import java.io.IOException;

/**
 * A theme file that cannot be used because of what its author wrote in it, told like a mistake
 * in a definition: at its file, line and column, in one line. It is an {@link IOException} only
 * because the theme's files are read through methods that throw one.
 */
public final class TemplateMistake extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Position at;

    TemplateMistake(Position at, String message) {
        super(message);
        this.at = at;
    }

    public Position at() {
        return at;
    }

    /** A template whose output, as a whole, is wrong (e.g. not well-formed XHTML): told at its first line. */
    public static TemplateMistake in(Theme theme, String template, String message) {
        return new TemplateMistake(Position.startOf(theme.shown(template)), message);
    }

    /** A template that failed while drawing {@code template}'s page; FreeMarker knows where, most of the time. */
    static TemplateMistake of(TemplateException e, Theme theme, String template) {
        String name = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template;
        return new TemplateMistake(place(theme, name, e.getLineNumber(), e.getColumnNumber()),
                oneLine(e.getMessageWithoutStackTop()));
    }

    static TemplateMistake of(ParseException e, Theme theme, String template) {
        String name = e.getTemplateName() != null ? e.getTemplateName() : template;
        return new TemplateMistake(place(theme, name, e.getLineNumber(), e.getColumnNumber()),
                oneLine(e.getEditorMessage()));
    }

    /**
     * FreeMarker remembers a template it failed to read, and later asks for it fail with a plain
     * {@code IOException} whose cause is the first failure: with pages drawn in parallel, any page
     * may be the one that sees only this. The author's mistake is then told all the same; null
     * when {@code e} is not such a failure.
     */
    static TemplateMistake ofEarlierFailure(IOException e, Theme theme, String template) {
        if (e.getCause() instanceof ParseException parse) return of(parse, theme, template);
        if (e.getCause() instanceof TemplateException failed) return of(failed, theme, template);
        return null;
    }

    private static Position place(Theme theme, String name, Integer line, Integer column) {
        return new Position(theme.shown(name), line == null || line < 1 ? 1 : line, column == null || column < 1 ? 1 : column);
    }

    /**
     * FreeMarker's words without what the position already says: the "[in template ... at line
     * ...]" notes, the "==>" pointers and the tips below "----", on one line.
     */
    static String oneLine(String message) {
        String text = message == null ? "" : message;
        int tips = text.indexOf("\n----");
        if (tips >= 0) text = text.substring(0, tips);
        text = text.replaceAll("\\s*\\[in template \"[^\"]*\"[^\\]]*\\]", "")
                .replace("==> ", "")
                .replaceAll("\\s+", " ")
                .strip();
        return text.isEmpty() ? "the template cannot be drawn" : text;
    }
}
