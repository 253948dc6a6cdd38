package dev.playbook.load;

import dev.playbook.diagnostics.Position;

import java.util.List;

/**
 * A list field as written: either the whole list, or (in a variant) {@code {append: [...]}},
 * which adds to the inherited list instead of replacing it.
 */
public record ListValue<T>(List<T> items, boolean append, Position at) {
    public ListValue {
        items = List.copyOf(items);
    }
}
