package dev.playbook.browser;

import com.deque.html.axecore.results.Check;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * axe-core (the copy bundled in {@code com.deque.html.axe-core:selenium}, injected into the page:
 * nothing is fetched) run with the rules of WCAG 2.1 levels A and AA on the page open in a browser.
 */
final class Axe {
    /** WCAG 2.0 and 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Axe() {
    }

    /** The rules axe found broken on the page open now, with every failing node. */
    static Results analyze(WebDriver driver) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": " + results.getErrorMessage(),
                    results.getError());
        }
        return results;
    }

    /**
     * One line for each failing node of each violation: where, which rule, how bad, which element,
     * and what axe says is wrong with it (for contrast: the colours and the ratio).
     */
    static List<String> describe(String where, List<Rule> violations) {
        List<String> lines = new ArrayList<>();
        for (Rule rule : violations) {
            List<CheckedNode> nodes = rule.getNodes() == null ? List.of() : rule.getNodes();
            if (nodes.isEmpty()) {
                lines.add(where + " | " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp());
            }
            for (CheckedNode node : nodes) {
                lines.add(where + " | " + rule.getId() + " [" + (node.getImpact() != null ? node.getImpact() : rule.getImpact()) + "] "
                        + rule.getHelp()
                        + "\n      target: " + node.getTarget()
                        + "\n      html:   " + oneLine(node.getHtml())
                        + "\n      why:    " + oneLine(summary(node)));
            }
        }
        return lines;
    }

    private static String summary(CheckedNode node) {
        if (node.getFailureSummary() != null && !node.getFailureSummary().isBlank()) return node.getFailureSummary();
        return Stream.of(node.getAny(), node.getAll(), node.getNone())
                .filter(l -> l != null)
                .flatMap(List::stream)
                .map(Check::getMessage)
                .collect(Collectors.joining("; "));
    }

    private static String oneLine(String text) {
        if (text == null) return "";
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
