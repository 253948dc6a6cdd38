package dev.playbook.render;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A SHA-256 of values built from records, lists, sets, maps and plain values (strings, numbers,
 * enums, dates), the same in every run for equal values: a cache can then be keyed on what an
 * output is made from rather than on the output, which costs drawing it. Maps and sets are taken
 * in sorted order, because {@code Map.of} and {@code Set.of} iterate in an order that changes from
 * one JVM to the next. A value of any other kind is {@link Unsupported}: a key that left part of
 * its input out would hand back a stale output. Safe to share between threads.
 */
public final class ValueDigest {
    /** Why a value cannot be digested: a kind of object whose content this cannot see, or one nested too deep. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String problem) {
            super(problem, null, false, false);
        }
    }

    /** Deeper than any model of ours; deeper than this is taken for a cycle. */
    private static final int MAX_DEPTH = 64;

    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();
    private final Set<Class<?>> leftOut;
    private final Map<Class<? extends Record>, Set<String>> leftOutComponents;

    /** Digests every part of a value. */
    public ValueDigest() {
        this(Set.of(), Map.of());
    }

    /**
     * Digests every part of a value but values of the types {@code leftOut}, wherever they are,
     * and the named components of some records: for parts an output never shows, such as where
     * in which file a definition was written.
     */
    public ValueDigest(Set<Class<?>> leftOut, Map<Class<? extends Record>, Set<String>> leftOutComponents) {
        this.leftOut = Set.copyOf(leftOut);
        this.leftOutComponents = Map.copyOf(leftOutComponents);
    }

    private record Accessor(String name, Method method) {
    }

    /**
     * A kind of record as written: its components but those left out, and a short name for the
     * kind. The name stands for the class's name and those components' names, which would
     * otherwise be written again for every record (most of the bytes of a large model): the first
     * eight bytes of their SHA-256, which two kinds share by chance only once in 2^64.
     */
    private record Shape(byte[] name, Accessor[] accessors) {
    }

    /**
     * The digest of labelled values, in the order given: {@code of("playbook", p, "settings", s)}.
     * The labels keep two lists of values apart when one ends where the other begins.
     */
    public byte[] of(Object... labelsAndValues) throws Unsupported {
        if (labelsAndValues.length % 2 != 0) throw new IllegalArgumentException("labels and values come in pairs");
        Encoder out = new Encoder();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            out.string(String.valueOf(labelsAndValues[i]));
            write(out, labelsAndValues[i + 1], 0);
        }
        return sha256(out.toByteArray());
    }

    private void write(Encoder out, Object value, int depth) throws Unsupported {
        if (depth > MAX_DEPTH) throw new Unsupported("values nested more than " + MAX_DEPTH + " deep");
        if (value == null) {
            out.tag('0');
        } else if (value instanceof String s) {
            out.tag('s');
            out.string(s);
        } else if (value instanceof Boolean || value instanceof Character || value instanceof Number
                || value instanceof Enum<?> || value instanceof TemporalAccessor) {
            // the class, so that 1 and 1L, or two enums' equal names, stay apart
            out.tag('v');
            out.string(value.getClass().getName());
            out.string(value instanceof Enum<?> e ? e.name() : value.toString());
        } else if (value instanceof byte[] bytes) {
            out.tag('b');
            out.bytes(bytes);
        } else if (leftOut.contains(value.getClass())) {
            out.tag('x');
        } else if (value instanceof Record record) {
            out.tag('r');
            Shape shape = shape(record.getClass());
            out.write(shape.name(), 0, shape.name().length);
            for (Accessor a : shape.accessors()) write(out, read(a, record), depth + 1);
            out.tag(')');
        } else if (value instanceof List<?> list) {
            out.tag('l');
            out.count(list.size());
            for (Object item : list) write(out, item, depth + 1);
        } else if (value instanceof Set<?> set) {
            out.tag('u');
            out.count(set.size());
            for (byte[] item : sorted(set, depth)) out.bytes(item);
        } else if (value instanceof Map<?, ?> map) {
            out.tag('m');
            out.count(map.size());
            List<byte[]> entries = new ArrayList<>(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Encoder entry = new Encoder();
                write(entry, e.getKey(), depth + 1);
                write(entry, e.getValue(), depth + 1);
                entries.add(entry.toByteArray());
            }
            // a key's encoding comes first in its entry and keys differ, so this orders by key
            entries.sort(Arrays::compareUnsigned);
            for (byte[] entry : entries) out.bytes(entry);
        } else if (value instanceof Optional<?> optional) {
            out.tag('o');
            write(out, optional.orElse(null), depth + 1);
        } else if (value instanceof Collection<?>) {
            throw new Unsupported("a collection of unknown order, " + value.getClass().getName());
        } else {
            throw new Unsupported("a " + value.getClass().getName() + ", whose content is not known to be all of its fields");
        }
    }

    private List<byte[]> sorted(Collection<?> items, int depth) throws Unsupported {
        List<byte[]> encoded = new ArrayList<>(items.size());
        for (Object item : items) {
            Encoder one = new Encoder();
            write(one, item, depth + 1);
            encoded.add(one.toByteArray());
        }
        encoded.sort(Arrays::compareUnsigned);
        return encoded;
    }

    private Shape shape(Class<?> type) {
        return shapes.computeIfAbsent(type, t -> {
            Set<String> skipped = leftOutComponents.getOrDefault(t, Set.of());
            Accessor[] accessors = Arrays.stream(t.getRecordComponents()).filter(c -> !skipped.contains(c.getName())).map(c -> {
                Method accessor = c.getAccessor();
                // a record declared inside a class of another package: reading it is still only reading
                accessor.trySetAccessible();
                return new Accessor(c.getName(), accessor);
            }).toArray(Accessor[]::new);
            Encoder signature = new Encoder();
            signature.string(t.getName());
            signature.count(accessors.length);
            for (Accessor a : accessors) signature.string(a.name());
            return new Shape(Arrays.copyOf(sha256(signature.toByteArray()), 8), accessors);
        });
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static Object read(Accessor accessor, Record record) throws Unsupported {
        try {
            return accessor.method().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new Unsupported("cannot read " + record.getClass().getName() + "." + accessor.name() + ": " + e);
        }
    }

    /** Every value written with its length or an end mark, so that no two different sequences encode alike. */
    private static final class Encoder extends ByteArrayOutputStream {
        Encoder() {
            super(256);
        }

        void tag(char c) {
            write(c);
        }

        void count(int n) {
            write(n >>> 24);
            write(n >>> 16);
            write(n >>> 8);
            write(n);
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] b) {
            count(b.length);
            write(b, 0, b.length);
        }
    }
}
