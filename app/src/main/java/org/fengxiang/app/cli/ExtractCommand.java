package org.fengxiang.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.extract.Article;
import org.fengxiang.ingest.extract.Extraction;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang extract}: generic article extraction of one page, printed as JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract title, author, publishedAt and text from a news page (file or URL) as JSON.")
public final class ExtractCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--file", paramLabel = "PAGE.html") Path file;
        @Option(names = "--url", paramLabel = "URL", description = "Fetch this URL (or, with --file, the page's address).") String url;
    }

    @ArgGroup(multiplicity = "1", exclusive = false) Input input;

    @Option(names = "--charset", paramLabel = "X", description = "Charset of the file when it does not say (e.g. GBK).")
    String charset;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Article a;
        if (input.file != null) {
            a = Extraction.fromFile(input.file, input.url, charset);
        } else if (input.url != null) {
            a = Extraction.fromUrl(input.url, config.load().section("ingest", IngestSettings.class).crawler);
        } else {
            throw new IllegalArgumentException("give --file or --url");
        }
        System.out.println(Extraction.toJson(a));
        return 0;
    }
}
