package dev.playbook.render;

import dev.playbook.model.SiteSettings;
import dev.playbook.plan.PlannedPage;
import dev.playbook.plan.PublicUrls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What search engines read: {@code sitemap.xml}, every page at its public address, when the site
 * knows where it is published ({@code base_url}); {@code robots.txt} turning every crawler away
 * when the site asks not to be indexed ({@code robots: noindex}). The pages carry the matching
 * canonical link and robots meta themselves.
 */
public final class SearchEnginePublisher implements Publisher {
    static final String SITEMAP = "sitemap.xml";
    static final String ROBOTS = "robots.txt";

    @Override
    public void publishSite(SiteOutput site, FileSink sink) throws IOException {
        SiteSettings settings = site.site().settings();
        if (!settings.baseUrl().isEmpty()) {
            sink.accept(new RenderedFile(SITEMAP, sitemap(site, settings.baseUrl()).getBytes(StandardCharsets.UTF_8)));
        }
        if (settings.noindex()) {
            sink.accept(new RenderedFile(ROBOTS, "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String sitemap(SiteOutput site, String baseUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (PlannedPage page : site.plan().pages()) {
            xml.append("  <url><loc>").append(escape(PublicUrls.of(baseUrl, page.path()))).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
