package org.fengxiang.ingest.crawl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Loads and validates source declarations: a YAML file with a top-level {@code sources:} list, or a
 * directory of such files. {@code ${name}} placeholders are filled from the given variables, then
 * from the environment. Every problem is reported with the file and source name.
 */
public final class SourceLoader {
    /** Types of crawl sources. */
    public static final Set<String> TYPES = Set.of("rss", "html-list", "article", "microblog", "forum-thread", "jsonl", "csv");
    private static final Set<String> CHANNELS = Set.of("news", "microblog", "forum", "blog", "video", "qa", "other");
    private static final Set<String> METRICS = Set.of("reposts", "comments", "likes", "views");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::-([^}]*))?}");
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** The file format: a list of sources. */
    public static class SourcesFile {
        public List<SourceConfig> sources = new ArrayList<>();
    }

    private SourceLoader() {}

    /** Loads a file or every {@code *.yaml}/{@code *.yml} in a directory (sorted by name). */
    public static List<SourceConfig> load(Path fileOrDir, Map<String, String> vars) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(fileOrDir)) {
            try (Stream<Path> s = Files.list(fileOrDir)) {
                s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new SourceException("cannot list " + fileOrDir + ": " + e.getMessage());
            }
        } else if (Files.isRegularFile(fileOrDir)) files.add(fileOrDir);
        else throw new SourceException("no source declarations at " + fileOrDir);
        List<SourceConfig> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new SourceException("cannot read " + f + ": " + e.getMessage());
            }
            for (SourceConfig s : parse(text, f.toString(), vars)) {
                if (!names.add(s.name)) throw new SourceException(f + ": source '" + s.name + "' is declared twice");
                all.add(s);
            }
        }
        return all;
    }

    /**
     * The sources a crawl runs: the one named (enabled or not; an error when unknown), or every
     * enabled source when {@code name} is null.
     */
    public static List<SourceConfig> select(List<SourceConfig> all, String name) {
        if (name == null || name.isBlank()) return all.stream().filter(s -> s.enabled).toList();
        List<SourceConfig> one = all.stream().filter(s -> s.name.equals(name)).toList();
        if (one.isEmpty()) {
            throw new SourceException("no source named '" + name + "' (known: " + all.stream().map(s -> s.name).toList() + ")");
        }
        return one;
    }

    /** Parses and validates YAML text ({@code origin} names it in messages). */
    public static List<SourceConfig> parse(String yaml, String origin, Map<String, String> vars) {
        String filled = substitute(yaml, origin, vars);
        SourcesFile file;
        try {
            file = YAML.readValue(filled, SourcesFile.class);
        } catch (IOException e) {
            throw new SourceException(origin + ": " + e.getMessage().split("\n")[0]);
        }
        if (file == null || file.sources == null) return List.of();
        for (int i = 0; i < file.sources.size(); i++) validate(file.sources.get(i), origin + ": source #" + (i + 1));
        return file.sources;
    }

    /** Fills {@code ${name}} / {@code ${name:-default}} placeholders (comment lines are left alone). */
    private static String substitute(String text, String origin, Map<String, String> vars) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (line.trim().startsWith("#")) {
                out.append(line);
                continue;
            }
            Matcher m = VAR.matcher(line);
            while (m.find()) {
                String v = vars.get(m.group(1));
                if (v == null) v = System.getenv(m.group(1));
                if (v == null) v = m.group(2);
                if (v == null) throw new SourceException(origin + ": placeholder ${" + m.group(1) + "} has no value");
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
        }
        return out.toString();
    }

    static void validate(SourceConfig s, String where) {
        if (s.name == null || !NAME.matcher(s.name).matches()) {
            throw new SourceException(where + ": name must match [a-z0-9][a-z0-9_-]* (got '" + s.name + "')");
        }
        String at = where + " '" + s.name + "'";
        if (s.type == null || !TYPES.contains(s.type)) throw new SourceException(at + ": type must be one of " + TYPES + " (got '" + s.type + "')");
        if (s.channel == null) s.channel = defaultChannel(s.type);
        if (!CHANNELS.contains(s.channel)) throw new SourceException(at + ": channel must be one of " + CHANNELS);
        try {
            ZoneId.of(s.zone);
        } catch (RuntimeException e) {
            throw new SourceException(at + ": zone '" + s.zone + "' is not a time zone");
        }
        if (s.intervalSeconds < 1) throw new SourceException(at + ": intervalSeconds must be >= 1");
        if (s.start == null || s.start.isEmpty()) throw new SourceException(at + ": start needs at least one URL");
        boolean files = s.type != null && (s.type.equals("jsonl") || s.type.equals("csv"));
        if (!files) for (String u : s.start) checkUrl(at, u);
        if (s.idPattern != null) {
            try {
                if (Pattern.compile(s.idPattern).matcher("").groupCount() < 1) throw new SourceException(at + ": idPattern needs one capturing group");
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new SourceException(at + ": idPattern is not a regex: " + e.getDescription());
            }
        }
        if (s.list == null) s.list = new SourceConfig.ListRules();
        if (s.article == null) s.article = new SourceConfig.ArticleRules();
        if (s.posts == null) s.posts = new SourceConfig.PostRules();
        switch (s.type) {
            case "html-list" -> require(at, "list.items", s.list.items);
            case "microblog", "forum-thread" -> {
                require(at, "posts.item", s.posts.item);
                require(at, "posts.text", s.posts.text);
                require(at, "posts.time", s.posts.time);
            }
            default -> { }
        }
        selector(at, "list.items", s.list.items);
        selector(at, "list.next", s.list.next);
        selector(at, "article.title", s.article.title);
        selector(at, "article.author", s.article.author);
        selector(at, "article.time", s.article.time);
        selector(at, "article.body", s.article.body);
        for (String n : s.article.noise) selector(at, "article.noise", n);
        metrics(at, "article.metrics", s.article.metrics);
        SourceConfig.PostRules p = s.posts;
        for (String[] f : new String[][] {{"posts.item", p.item}, {"posts.id", p.id}, {"posts.authorId", p.authorId},
                {"posts.author", p.author}, {"posts.authorFollowers", p.authorFollowers}, {"posts.authorVerified", p.authorVerified},
                {"posts.authorLocation", p.authorLocation}, {"posts.time", p.time}, {"posts.text", p.text}, {"posts.title", p.title},
                {"posts.url", p.url}, {"posts.repostOf", p.repostOf}, {"posts.parentId", p.parentId}, {"posts.next", p.next}}) {
            selector(at, f[0], f[1]);
        }
        metrics(at, "posts.metrics", p.metrics);
        if (s.list.maxPages < 1 || p.maxPages < 1) throw new SourceException(at + ": maxPages must be >= 1");
    }

    private static String defaultChannel(String type) {
        return switch (type) {
            case "microblog" -> "microblog";
            case "forum-thread" -> "forum";
            default -> "news";
        };
    }

    private static void metrics(String at, String field, Map<String, String> m) {
        if (m == null) return;
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (!METRICS.contains(e.getKey())) throw new SourceException(at + ": " + field + " key '" + e.getKey() + "' is not one of " + METRICS);
            selector(at, field + "." + e.getKey(), e.getValue());
        }
    }

    private static void require(String at, String field, String value) {
        if (value == null || value.isBlank()) throw new SourceException(at + ": " + field + " is required for this type");
    }

    private static void selector(String at, String field, String spec) {
        if (spec == null) return;
        String css = Selectors.css(spec);
        if (css.isEmpty()) return;
        try {
            QueryParser.parse(css);
        } catch (Selector.SelectorParseException e) {
            throw new SourceException(at + ": " + field + " '" + spec + "' is not a valid CSS selector: " + e.getMessage());
        }
    }

    private static void checkUrl(String at, String u) {
        try {
            URI uri = new URI(u);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new SourceException(at + ": start URL '" + u + "' is not an absolute http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new SourceException(at + ": start URL '" + u + "' is malformed");
        }
    }

    /** An invalid source declaration, with a message meant for the operator. */
    public static final class SourceException extends RuntimeException {
        public SourceException(String message) {
            super(message);
        }
    }
}
