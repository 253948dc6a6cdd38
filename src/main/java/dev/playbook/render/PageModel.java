package dev.playbook.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A page's variables for its template, some of them worked out only when the template first
 * reads them: a page that never shows the swimlanes does not wait for them to be drawn. It keeps
 * what it wrapped, as {@link SimpleHash} does, since a page reads its few variables hundreds of
 * times. For one page on one thread.
 */
final class PageModel extends SimpleHash {
    private final Map<String, Supplier<?>> later;

    /** @param later variables worked out on first use, by name; a supplier may give null for none */
    PageModel(Map<String, Object> now, Map<String, Supplier<?>> later, ObjectWrapper wrapper) {
        super(now, wrapper);
        this.later = new LinkedHashMap<>(later);
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
        resolve(key);
        return super.get(key);
    }

    private void resolve(String key) {
        Supplier<?> value = later.remove(key);
        if (value == null) return;
        Object resolved = value.get();
        if (resolved != null) put(key, resolved);
    }

    /** Works every variable out, for whatever lists them rather than asking for one by name. */
    private void resolveAll() {
        for (String key : later.keySet().toArray(String[]::new)) resolve(key);
    }

    @Override
    public boolean containsKey(String key) {
        resolve(key);
        return super.containsKey(key);
    }

    @Override
    public Map toMap() throws TemplateModelException {
        resolveAll();
        return super.toMap();
    }

    @Override
    public String toString() {
        resolveAll();
        return super.toString();
    }

    @Override
    public int size() {
        resolveAll();
        return super.size();
    }

    @Override
    public boolean isEmpty() {
        resolveAll();
        return super.isEmpty();
    }

    @Override
    public TemplateCollectionModel keys() {
        resolveAll();
        return super.keys();
    }

    @Override
    public TemplateCollectionModel values() {
        resolveAll();
        return super.values();
    }

    @Override
    public TemplateHashModelEx2.KeyValuePairIterator keyValuePairIterator() {
        resolveAll();
        return super.keyValuePairIterator();
    }
}
