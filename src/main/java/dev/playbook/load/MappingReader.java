package dev.playbook.load;

import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import dev.playbook.diagnostics.Suggestions;
import dev.playbook.model.Markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping into typed values, reporting every unknown key and every
 * value of the wrong type at the exact place it was written. A value that is wrong is reported
 * and then treated as absent, so reading goes on and the author learns of all problems at once.
 */
final class MappingReader {
    private final YamlNode.Mapping mapping;
    private final SourceText source;
    private final Diagnostics diagnostics;

    MappingReader(YamlNode.Mapping mapping, String what, Set<String> allowed, SourceText source, Diagnostics diagnostics) {
        this.mapping = mapping;
        this.source = source;
        this.diagnostics = diagnostics;
        for (YamlNode.Entry e : mapping.entries()) {
            if (!allowed.contains(e.key())) {
                diagnostics.error(e.keyAt(), "unknown key `" + e.key() + "` in " + what
                        + Suggestions.didYouMean(e.key(), allowed));
            }
        }
    }

    boolean has(String key) {
        YamlNode.Entry e = mapping.entry(key);
        return e != null && !isNull(e.value());
    }

    /** The raw node, or null when absent or written empty. */
    YamlNode node(String key) {
        YamlNode.Entry e = mapping.entry(key);
        return e == null || isNull(e.value()) ? null : e.value();
    }

    Located<String> text(String key) {
        YamlNode node = node(key);
        if (node == null) return null;
        if (node instanceof YamlNode.Scalar s) {
            return new Located<>(s.text(), s.at());
        }
        wrongType(key, node, "text");
        return null;
    }

    /**
     * A field the resolve step will insist on (a title): null when not written; an empty value
     * at its key when written empty; a null value when written with the wrong type, which is
     * reported here, so that the missing field is not reported a second time.
     */
    Located<String> requiredText(String key) {
        YamlNode.Entry e = mapping.entry(key);
        if (e == null) return null;
        if (isNull(e.value())) return new Located<>("", e.keyAt());
        Located<String> text = text(key);
        return text != null ? text : new Located<>(null, e.value().at());
    }

    String plainText(String key) {
        Located<String> t = text(key);
        return t == null ? null : t.value();
    }

    Markdown markdown(String key) {
        YamlNode node = node(key);
        if (node == null) return null;
        return markdownOf(node, key);
    }

    Markdown markdownOf(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s) {
            return source.markdown(s);
        }
        diagnostics.error(node.at(), "`" + what + "` should be text (Markdown), but this is " + node.description());
        return null;
    }

    Located<Integer> integer(String key) {
        YamlNode node = node(key);
        if (node == null) return null;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.INTEGER) {
            try {
                return new Located<>(Integer.parseInt(s.text().replace("_", "").replaceFirst("^\\+", "")), s.at());
            } catch (NumberFormatException e) {
                diagnostics.error(s.at(), "`" + key + "` should be a whole number, but `" + s.text() + "` is not one");
                return null;
            }
        }
        wrongType(key, node, "a whole number");
        return null;
    }

    Boolean bool(String key) {
        YamlNode node = node(key);
        if (node == null) return null;
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.BOOLEAN) {
            return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT))
                    || List.of("yes", "on", "y").contains(s.text().toLowerCase(Locale.ROOT));
        }
        wrongType(key, node, "true or false");
        return null;
    }

    YamlNode.Mapping mappingOf(String key) {
        YamlNode node = node(key);
        if (node == null) return null;
        if (node instanceof YamlNode.Mapping m) return m;
        wrongType(key, node, "a mapping of keys");
        return null;
    }

    /**
     * A list field. Where {@code appendAllowed}, {@code {append: [...]}} is accepted too;
     * whether a file may append at all is for the resolve step to judge.
     */
    <T> ListValue<T> list(String key, Function<YamlNode, T> item) {
        YamlNode node = node(key);
        if (node == null) return null;
        YamlNode.Sequence sequence;
        boolean append = false;
        if (node instanceof YamlNode.Sequence s) {
            sequence = s;
        } else if (node instanceof YamlNode.Mapping m && m.entry("append") != null) {
            for (YamlNode.Entry e : m.entries()) {
                if (!e.key().equals("append")) {
                    diagnostics.error(e.keyAt(), "unknown key `" + e.key() + "` beside `append`; `" + key
                            + "` takes a list, or `append:` with a list to add to the inherited one");
                }
            }
            YamlNode inner = m.entry("append").value();
            if (!(inner instanceof YamlNode.Sequence s)) {
                diagnostics.error(inner.at(), "`append` should be a list, but this is " + inner.description());
                return null;
            }
            sequence = s;
            append = true;
        } else {
            wrongType(key, node, "a list");
            return null;
        }
        List<T> items = new ArrayList<>();
        int rejected = 0;
        for (YamlNode n : sequence.items()) {
            T value = item.apply(n);
            if (value != null) items.add(value);
            else rejected++;
        }
        return new ListValue<>(items, append, node.at(), rejected);
    }

    private void wrongType(String key, YamlNode node, String expected) {
        diagnostics.error(node.at(), "`" + key + "` should be " + expected + ", but this is " + node.description());
    }

    static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Scalar.Kind.NULL;
    }
}
