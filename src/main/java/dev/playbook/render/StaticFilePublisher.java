package dev.playbook.render;

import dev.playbook.diagnostics.Failure;
import dev.playbook.plan.SitePaths;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The files every site carries whatever its playbooks: the theme's assets and the JSON Schemas for editors. */
public final class StaticFilePublisher implements Publisher {
    private static final List<String> SCHEMAS = List.of("playbook.schema.json", "site.schema.json");

    @Override
    public void prepare(SiteOutput site) throws RenderException {
        try {
            ThemeScriptCheck.check(site.theme(), site.diagnostics());
        } catch (IOException e) {
            throw new RenderException(Failure.input("cannot read the theme: " + e.getMessage()), e);
        }
    }

    @Override
    public void publishSite(SiteOutput site, FileSink sink) throws RenderException, IOException {
        for (String schema : SCHEMAS) {
            sink.accept(new RenderedFile(SitePaths.schema(schema), Theme.resource("/schema/" + schema)));
        }
        Map<String, byte[]> assets;
        try {
            assets = site.theme().assets();
        } catch (IOException e) {
            throw new RenderException(Failure.input("cannot read the theme's assets: " + e.getMessage()), e);
        }
        for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
            sink.accept(new RenderedFile(SitePaths.asset(asset.getKey()), asset.getValue()));
        }
    }
}
