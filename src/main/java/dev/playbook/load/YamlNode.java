package dev.playbook.load;

import dev.playbook.diagnostics.Position;

import java.util.List;

/**
 * A YAML value with the place it was written, so that every later complaint can point at it.
 * Aliases are already expanded: an alias is the very node its anchor names.
 */
public sealed interface YamlNode {

    Position at();

    /** How many nodes this value stands for once every alias is expanded. */
    long expandedSize();

    /** What an author would call this kind of value, for "expected a list, found text" messages. */
    String description();

    record Scalar(String text, Kind kind, Position at) implements YamlNode {
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public long expandedSize() {
            return 1;
        }

        @Override
        public String description() {
            return switch (kind) {
                case STRING -> "text";
                case INTEGER, FLOAT -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    record Sequence(List<YamlNode> items, Position at, long expandedSize) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String description() {
            return "a list";
        }
    }

    record Mapping(List<Entry> entries, Position at, long expandedSize) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) return e;
            }
            return null;
        }

        @Override
        public String description() {
            return "a mapping of keys";
        }
    }

    record Entry(String key, Position keyAt, YamlNode value) {
    }
}
