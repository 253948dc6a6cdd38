package dev.playbook.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A variable worked out on first use is worked out once, and only when a template reads it. */
class PageModelTest {
    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final AtomicInteger worked = new AtomicInteger();

    private String run(String template, Map<String, Supplier<?>> later) throws Exception {
        Template t = new Template("t", new StringReader(template), freemarker);
        StringWriter out = new StringWriter();
        t.process(new PageModel(Map.of("now", "here"), later, freemarker.getObjectWrapper()), out);
        return out.toString();
    }

    private Supplier<?> counted(Object value) {
        return () -> {
            worked.incrementAndGet();
            return value;
        };
    }

    @Test
    void aVariableNeverReadIsNeverWorkedOut() throws Exception {
        assertEquals("here", run("${now}", Map.of("late", counted("x"))));
        assertEquals(0, worked.get());
    }

    @Test
    void aVariableReadOftenIsWorkedOutOnce() throws Exception {
        assertEquals("x x yes", run("${late} ${late} <#if late??>yes</#if>", Map.of("late", counted("x"))));
        assertEquals(1, worked.get());
    }

    @Test
    void aVariableWorkedOutAsNullIsMissing() throws Exception {
        assertEquals("none", run("<#if late??>some<#else>none</#if>", Map.of("late", counted(null))));
        assertEquals(1, worked.get());
    }

    @Test
    void listingTheVariablesWorksThemAllOut() throws Exception {
        assertEquals("late,now", run("<#list .data_model?keys?sort as k>${k}<#sep>,</#list>",
                Map.of("late", counted("x"))));
        assertEquals(1, worked.get());
    }
}
