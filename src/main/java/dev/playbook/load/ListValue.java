package dev.playbook.load;

import dev.playbook.diagnostics.Position;

import java.util.List;

/**
 * A list field as written: either the whole list, or (in a variant) {@code {append: [...]}},
 * which adds to the inherited list instead of replacing it.
 */
public record ListValue<T>(List<T> items, boolean append, Position at, int rejected) {
    public ListValue {
        items = List.copyOf(items);
    }

    public ListValue(List<T> items, boolean append, Position at) {
        this(items, append, at, 0);
    }

    /** Whether every item written made it: a rejected item was reported already, and explains a short list. */
    public boolean whole() {
        return rejected == 0;
    }
}
