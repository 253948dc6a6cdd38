package dev.playbook.render;

import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.LinkInfo;
import org.commonmark.parser.beta.LinkProcessor;
import org.commonmark.parser.beta.LinkResult;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers are written with spaces ({@code [call](tel:+48 600 000 000)}, {@code <tel:+48 600 000 000>}),
 * and CommonMark ends a link's address at the first space, so neither would be a link. Only an
 * address of {@code tel:} and the characters of a phone number is read this way; every other
 * link follows CommonMark as written.
 */
final class PhoneLinks {
    private static final Pattern PHONE = Pattern.compile("tel:\\+?[0-9 ().\\-]*[0-9]", Pattern.CASE_INSENSITIVE);

    private PhoneLinks() {
    }

    /** {@code [text](tel:+48 600 000 000)}: the text in brackets that CommonMark found no address for. */
    static final class Destination implements LinkProcessor {
        @Override
        public LinkResult process(LinkInfo info, Scanner scanner, InlineParserContext context) {
            if (info.marker() != null || info.destination() != null || info.label() != null || !scanner.next('(')) {
                return LinkResult.none();
            }
            scanner.whitespace();
            Position start = scanner.position();
            int depth = 0;
            while (scanner.hasNext() && scanner.peek() != '\n' && (scanner.peek() != ')' || depth > 0)) {
                if (scanner.peek() == '(') depth++;
                if (scanner.peek() == ')') depth--;
                scanner.next();
            }
            String address = scanner.getSource(start, scanner.position()).getContent().strip();
            if (!scanner.next(')') || !PHONE.matcher(address).matches()) return LinkResult.none();
            return LinkResult.wrapTextIn(new Link(address, null), scanner.position());
        }
    }

    /** {@code <tel:+48 600 000 000>}: an autolink but for its spaces. */
    static final class Autolink implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('<');
        }

        @Override
        public InlineContentParser create() {
            return state -> tryParse(state);
        }

        private static ParsedInline tryParse(InlineParserState state) {
            Scanner scanner = state.scanner();
            scanner.next();
            Position start = scanner.position();
            if (scanner.find('>') < 0) return ParsedInline.none();
            String address = scanner.getSource(start, scanner.position()).getContent();
            scanner.next();
            if (!address.contains(" ") || !PHONE.matcher(address).matches()) return ParsedInline.none();
            Link link = new Link(address, null);
            link.appendChild(new Text(address));
            return ParsedInline.of(link, scanner.position());
        }
    }
}
