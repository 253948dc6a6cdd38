package dev.playbook.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.playbook.diagnostics.Diagnostics;
import dev.playbook.diagnostics.Position;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns YAML text into a tree of {@link YamlNode}s that remember where each key and value stood.
 *
 * <p>Jackson's streaming parser gives us positions, but passes aliases through as plain strings;
 * we expand them here (an author's {@code &defaults} / {@code *defaults} should just work),
 * with a budget on the expanded size so that an "alias bomb" fails at once instead of eating
 * the machine. Duplicate keys, which YAML forbids but most parsers let pass, are refused.
 */
public final class YamlReader {
    /** Far above any real playbook (a large one has a few thousand nodes), far below trouble. */
    public static final long MAX_EXPANDED_NODES = 200_000;
    public static final int MAX_DEPTH = 200;
    private static final String MERGE_KEY = "<<";

    private final YAMLFactory factory;

    public YamlReader() {
        LoaderOptions options = new LoaderOptions();
        // our own depth check runs first and knows the place; these only back it up
        options.setNestingDepthLimit(MAX_DEPTH + 50);
        options.setCodePointLimit(Integer.MAX_VALUE); // the loader limits file size itself, in bytes
        options.setAllowRecursiveKeys(false);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 50).build())
                // `title:` with nothing after it is "not given", as an author means it, not an empty string
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .build();
    }

    /**
     * Reads the single document in {@code text}; {@code null} when the file holds no document at all.
     * Problems that leave the rest readable (a duplicate key, an unknown alias) go to
     * {@code diagnostics} and reading goes on; the others end it with a {@link YamlException}.
     */
    public YamlNode read(String file, String text, Diagnostics diagnostics) throws YamlException {
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            Session session = new Session(file, parser, diagnostics, text.split("\n", -1));
            JsonToken first = parser.nextToken();
            if (first == null) return null;
            YamlNode root = session.value(first, 0);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new YamlException(secondDocument(file, text, root.at(), session.here()),
                        "a second YAML document starts here; put one playbook in each file");
            }
            return root;
        } catch (JsonProcessingException e) {
            MarkedYAMLException marked = marked(e);
            if (marked != null) throw explain(file, marked, e);
            throw new YamlException(position(file, e.getLocation()), plainMessage(e));
        } catch (IOException e) {
            throw new YamlException(Position.startOf(file), "cannot read YAML: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML signals some limits (nesting, recursion) with unchecked exceptions.
            throw new YamlException(Position.startOf(file), "cannot read YAML: " + firstLine(e.getMessage()));
        }
    }

    /** The `---` line that starts the second document; the parser only tells where its content begins. */
    private static Position secondDocument(String file, String text, Position first, Position fallback) {
        String[] lines = text.split("\n", -1);
        for (int i = first.line(); i < lines.length && i < fallback.line(); i++) {
            if (lines[i].startsWith("---") || lines[i].startsWith("...")) return new Position(file, i + 1, 1);
        }
        return fallback;
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) return m;
        }
        return null;
    }

    /** SnakeYAML's problem, said in an author's words, at the mark that helps most. */
    private static YamlException explain(String file, MarkedYAMLException m, JsonProcessingException e) {
        String problem = m.getProblem() == null ? "" : m.getProblem();
        String context = m.getContext() == null ? "" : m.getContext();
        Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        String message;
        if (context.contains("quoted scalar") && problem.contains("end of stream")) {
            at = m.getContextMark();
            message = "the quoted text that starts here is never closed; add the closing quote mark";
        } else if (context.contains("flow sequence") && (problem.contains("expected ','") || problem.contains("end"))) {
            at = m.getContextMark();
            message = "the `[` list that starts here is never closed; add the `]` (or separate its items with commas)";
        } else if (context.contains("flow mapping") && (problem.contains("expected ','") || problem.contains("end"))) {
            at = m.getContextMark();
            message = "the `{` mapping that starts here is never closed; add the `}` (or separate its keys with commas)";
        } else if (problem.contains("\\t") || problem.contains("\t") || problem.contains("TAB")) {
            message = "a tab is used for indentation here; indent with spaces";
        } else if (problem.contains("expected <block end>") || context.contains("block mapping")
                && problem.contains("expected <block end>")) {
            message = "this line is indented differently from the lines above it; the keys of one item must start "
                    + "in the same column";
        } else if (problem.contains("mapping values are not allowed")) {
            message = "a `: ` appears inside a value; put the whole text in quotes";
        } else if (problem.contains("could not find expected ':'")) {
            message = "a key is missing its `:` (or a text line is not indented under its key)";
        } else if (problem.contains("found undefined tag handle") || problem.contains("could not determine a constructor")) {
            message = "unknown YAML tag; write plain values without `!` tags";
        } else {
            return new YamlException(position(file, e.getLocation()), plainMessage(e));
        }
        Position where = at == null ? position(file, e.getLocation())
                : new Position(file, at.getLine() + 1, at.getColumn() + 1);
        return new YamlException(where, "malformed YAML: " + message);
    }

    private static Position position(String file, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return Position.startOf(file);
        return new Position(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** SnakeYAML's messages repeat the source snippet and the position; keep just the words. */
    private static String plainMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) return "malformed YAML";
        if (message.contains("Maximum nesting depth") || message.contains("Nesting Depth")
                || message.contains("nesting depth")) {
            return "the YAML is nested more than " + MAX_DEPTH + " levels deep";
        }
        StringBuilder words = new StringBuilder();
        for (String line : message.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("in 'reader'") || trimmed.startsWith("in 'string'")
                    || trimmed.startsWith("^") || line.startsWith("    ")) {
                continue;
            }
            if (!words.isEmpty()) words.append(' ');
            words.append(trimmed);
        }
        String text = words.toString().replaceAll("\\s+", " ").trim();
        return text.isEmpty() ? "malformed YAML" : "malformed YAML: " + text;
    }

    private static String firstLine(String message) {
        if (message == null) return "malformed input";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The state of reading one document: the anchors seen so far and the running expanded size. */
    private static final class Session {
        private final String file;
        private final YAMLParser parser;
        private final Map<String, YamlNode> anchors = new HashMap<>();
        private final Diagnostics diagnostics;
        private final String[] lines;

        Session(String file, YAMLParser parser, Diagnostics diagnostics, String[] lines) {
            this.file = file;
            this.parser = parser;
            this.diagnostics = diagnostics;
            this.lines = lines;
        }

        /**
         * Jackson reports anchors of mappings and lists but not of plain values; a value's
         * position is where its anchor is written, so the name is read from the text there.
         */
        private String scalarAnchor(Position at) {
            if (at.line() < 1 || at.line() > lines.length) return null;
            String line = lines[at.line() - 1];
            int i = at.column() - 1;
            if (i < 0 || i >= line.length() || line.charAt(i) != '&') return null;
            int end = i + 1;
            while (end < line.length() && " \t,[]{}".indexOf(line.charAt(end)) < 0) end++;
            return end > i + 1 ? line.substring(i + 1, end) : null;
        }

        Position here() {
            return position(file, parser.currentTokenLocation());
        }

        YamlNode value(JsonToken token, int depth) throws IOException, YamlException {
            Position at = here();
            if (depth > MAX_DEPTH) {
                throw new YamlException(at, "the YAML is nested more than " + MAX_DEPTH + " levels deep");
            }
            if (parser.isCurrentAlias()) {
                String name = parser.getText();
                YamlNode target = anchors.get(name);
                if (target == null) {
                    diagnostics.error(at, "alias `*" + name + "` names no anchor `&" + name + "` written before it");
                    return new YamlNode.Scalar("", YamlNode.Scalar.Kind.NULL, at);
                }
                return target;
            }
            String anchor = parser.getObjectId();
            if (anchor == null && token.isScalarValue()) anchor = scalarAnchor(at);
            YamlNode node = switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_STRING -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.STRING, at);
                case VALUE_NUMBER_INT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.INTEGER, at);
                case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.FLOAT, at);
                case VALUE_TRUE, VALUE_FALSE -> new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Kind.BOOLEAN, at);
                case VALUE_NULL -> new YamlNode.Scalar(nullText(), YamlNode.Scalar.Kind.NULL, at);
                case VALUE_EMBEDDED_OBJECT -> throw new YamlException(at,
                        "binary or specially tagged values are not supported here; write plain text");
                default -> throw new YamlException(at, "unexpected YAML content");
            };
            if (anchor != null) anchors.put(anchor, node);
            return node;
        }

        private String nullText() throws IOException {
            String text = parser.getText();
            return text == null ? "" : text;
        }

        private YamlNode mapping(Position at, int depth) throws IOException, YamlException {
            Map<String, YamlNode.Entry> own = new LinkedHashMap<>();
            List<YamlNode.Mapping> merged = new ArrayList<>();
            long size = 1;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
                if (token != JsonToken.FIELD_NAME) throw new YamlException(here(), "unexpected YAML content");
                String key = parser.currentName();
                Position keyAt = here();
                if (key == null || key.isEmpty()) throw new YamlException(keyAt, "empty key");
                YamlNode value = value(parser.nextToken(), depth + 1);
                if (MERGE_KEY.equals(key)) {
                    collectMerge(value, merged);
                } else {
                    YamlNode.Entry earlier = own.get(key);
                    if (earlier != null) {
                        diagnostics.error(keyAt, "duplicate key `" + key + "` (first written at line "
                                + earlier.keyAt().line() + "); a key may appear once in a mapping");
                    } else {
                        own.put(key, new YamlNode.Entry(key, keyAt, value));
                    }
                }
                size = grow(size, value.expandedSize(), keyAt);
            }
            // YAML's merge key: entries written in the mapping itself win over merged-in ones.
            List<YamlNode.Entry> entries = new ArrayList<>(own.values());
            for (YamlNode.Mapping source : merged) {
                for (YamlNode.Entry inherited : source.entries()) {
                    if (!own.containsKey(inherited.key())) {
                        own.put(inherited.key(), inherited);
                        entries.add(inherited);
                    }
                }
            }
            return new YamlNode.Mapping(entries, at, size);
        }

        private static void collectMerge(YamlNode value, List<YamlNode.Mapping> into) throws YamlException {
            if (value instanceof YamlNode.Mapping m) {
                into.add(m);
            } else if (value instanceof YamlNode.Sequence s) {
                for (YamlNode item : s.items()) {
                    if (!(item instanceof YamlNode.Mapping m)) {
                        throw new YamlException(item.at(), "`<<` merges mappings only; this is " + item.description());
                    }
                    into.add(m);
                }
            } else {
                throw new YamlException(value.at(), "`<<` merges mappings only; this is " + value.description());
            }
        }

        private YamlNode sequence(Position at, int depth) throws IOException, YamlException {
            List<YamlNode> items = new ArrayList<>();
            long size = 1;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                Position itemAt = here(); // for an alias, where the alias is written, not its anchor
                YamlNode item = value(token, depth + 1);
                items.add(item);
                size = grow(size, item.expandedSize(), itemAt);
            }
            return new YamlNode.Sequence(items, at, size);
        }

        private static long grow(long size, long more, Position at) throws YamlException {
            long total = size + more;
            if (total > MAX_EXPANDED_NODES) {
                throw new YamlException(at, "aliases here expand to more than " + MAX_EXPANDED_NODES
                        + " values; that looks like an alias bomb, not a playbook");
            }
            return total;
        }
    }
}
