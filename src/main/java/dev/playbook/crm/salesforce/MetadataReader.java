package dev.playbook.crm.salesforce;

import dev.playbook.crm.starter.BadInputException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads a Salesforce metadata file into a small tree of elements that remember their line.
 * Metadata files have no DTD, so a file that declares one is refused before anything in it is
 * read: no external entity, no entity expansion, no network or file access can come from a file
 * being imported.
 */
final class MetadataReader {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_ELEMENTS = 200_000;

    /** An element: its local name, namespace, own text (trimmed), children and the line it starts on. */
    record Node(String name, String namespace, String text, List<Node> children, int line) {
        Node child(String childName) {
            for (Node c : children) if (c.name.equals(childName)) return c;
            return null;
        }

        List<Node> all(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }

        /** The text of the first child of that name, or null. */
        String text(String childName) {
            Node c = child(childName);
            return c == null ? null : c.text;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The file's root element, which must be {@code expectedRoot} in Salesforce's metadata namespace. */
    static Node read(byte[] bytes, String shown, String expectedRoot, String whatItShouldBe) throws BadInputException {
        Node root = read(bytes, shown);
        if (!root.name().equals(expectedRoot)) {
            throw new BadInputException(shown, root.line(), "the root element is <" + root.name() + ">, not <" + expectedRoot
                    + ">; this is not " + whatItShouldBe);
        }
        if (!MetadataXml.NAMESPACE.equals(root.namespace())) {
            throw new BadInputException(shown, root.line(), "<" + root.name() + "> is not in Salesforce's metadata namespace ("
                    + MetadataXml.NAMESPACE + ")" + (root.namespace().isEmpty() ? "" : " but in " + root.namespace()));
        }
        return root;
    }

    static Node read(byte[] bytes, String shown) throws BadInputException {
        XMLStreamReader xml = null;
        int line = 0;
        try {
            xml = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<Builder> open = new ArrayDeque<>();
            Node root = null;
            int elements = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                line = xml.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new BadInputException(shown, lineOf(bytes, "<!DOCTYPE", line),
                            "the file declares a DTD (<!DOCTYPE ...>); Salesforce metadata has none, and it is refused for safety");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(shown, line,
                            "the file refers to an entity (&" + xml.getLocalName() + ";) that XML does not define");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (open.size() >= MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                            throw new BadInputException(shown, line, "the file is nested or repeated far more than Salesforce metadata ever is");
                        }
                        String ns = xml.getNamespaceURI();
                        open.push(new Builder(xml.getLocalName(), ns == null ? "" : ns, line));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) open.peek().text.append(xml.getText());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Node done = open.pop().build();
                        if (open.isEmpty()) root = done;
                        else open.peek().children.add(done);
                    }
                    default -> {
                        // comments and processing instructions carry nothing to import
                    }
                }
            }
            if (root == null) throw new BadInputException(shown, line, "the file has no XML element");
            return root;
        } catch (XMLStreamException e) {
            int at = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : line;
            throw new BadInputException(shown, at, "not well-formed XML: " + message(e));
        } catch (RuntimeException e) {
            // the JDK's parser reports some limits and broken encodings unchecked
            throw new BadInputException(shown, line, "cannot read the file as XML: " + e.getMessage());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing was left open that matters
                }
            }
        }
    }

    /** The line a text starts on in the file (read as UTF-8), or the fallback when it is not there. */
    private static int lineOf(byte[] bytes, String text, int fallback) {
        String content = new String(bytes, StandardCharsets.UTF_8);
        int at = content.indexOf(text);
        if (at < 0) return fallback;
        int line = 1;
        for (int i = 0; i < at; i++) if (content.charAt(i) == '\n') line++;
        return line;
    }

    /** The parser's own sentence, without its "ParseError at [row,col]" preamble. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }

    private static final class Builder {
        final String name;
        final String namespace;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Builder(String name, String namespace, int line) {
            this.name = name;
            this.namespace = namespace;
            this.line = line;
        }

        Node build() {
            return new Node(name, namespace, text.toString().strip(), children, line);
        }
    }
}
