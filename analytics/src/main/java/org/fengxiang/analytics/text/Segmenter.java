package org.fengxiang.analytics.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Word segmentation with HanLP's standard (Viterbi) segmenter, the same algorithm as
 * {@code StandardTokenizer}; person-name recognition is off by default (names are not used downstream
 * and it costs about a third of the segmentation time). User dictionaries are added to HanLP's JVM-wide custom dictionary once
 * per JVM (each path once, under a lock, before this instance segments anything), so adding words
 * to a dictionary file needs no rebuild. Segmentation is thread-safe once constructed.
 */
public final class Segmenter {
    private static final Set<String> LOADED = new HashSet<>();
    private static final String DEFAULT_NATURE = "nz";
    private static final int DEFAULT_FREQUENCY = 1000;

    private final Segment segment;
    private final Set<String> stopWords;

    private Segmenter(Segment segment, Set<String> stopWords) {
        this.segment = segment;
        this.stopWords = stopWords;
    }

    /**
     * Creates a segmenter: loads the user dictionaries ({@code word [pos [freq]]} per line) and the
     * gazetteer names (as places) into HanLP once per JVM, and reads the stop words.
     */
    public static Segmenter create(List<String> userDictionaries, Gazetteer gazetteer, String stopWordsPath,
                                   boolean placeRecognition, boolean organizationRecognition) {
        return create(userDictionaries, gazetteer, stopWordsPath, false, placeRecognition, organizationRecognition);
    }

    /** As {@link #create(List, Gazetteer, String, boolean, boolean)}, choosing person-name recognition too. */
    public static Segmenter create(List<String> userDictionaries, Gazetteer gazetteer, String stopWordsPath,
                                   boolean nameRecognition, boolean placeRecognition, boolean organizationRecognition) {
        loadOnce(userDictionaries, gazetteer);
        Set<String> stop = new HashSet<>();
        if (stopWordsPath != null && !stopWordsPath.isBlank()) stop.addAll(LexiconFiles.lines(stopWordsPath));
        Segment seg = HanLP.newSegment()
                .enableCustomDictionary(true)
                .enableNameRecognize(nameRecognition)
                .enableTranslatedNameRecognize(nameRecognition)
                .enablePlaceRecognize(placeRecognition)
                .enableOrganizationRecognize(organizationRecognition);
        return new Segmenter(seg, Set.copyOf(stop));
    }

    private static synchronized void loadOnce(List<String> userDictionaries, Gazetteer gazetteer) {
        for (String path : userDictionaries) {
            if (!LOADED.add("dict:" + path)) continue;
            for (String line : LexiconFiles.lines(path)) addWord(line);
        }
        if (gazetteer != null && LOADED.add("gazetteer:" + gazetteer.names().hashCode())) {
            for (String name : gazetteer.names()) {
                if (name.length() >= 2 && !CoreDictionary.contains(name) && !CustomDictionary.contains(name)) {
                    CustomDictionary.insert(name, "ns " + DEFAULT_FREQUENCY);
                }
            }
        }
    }

    private static void addWord(String line) {
        String[] parts = line.split("\\s+");
        String word = parts[0];
        String nature = parts.length > 1 ? parts[1] : DEFAULT_NATURE;
        int freq = DEFAULT_FREQUENCY;
        if (parts.length > 2) {
            try {
                freq = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad frequency in user dictionary line: " + line);
            }
        }
        CustomDictionary.insert(word, nature + " " + freq);
    }

    /** Segments text into tokens (whitespace dropped). */
    public List<Token> segment(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<Term> terms = segment.seg(text);
        List<Token> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            if (t.word.isBlank()) continue;
            out.add(new Token(t.word, t.nature == null ? "x" : t.nature.toString()));
        }
        return out;
    }

    /** True for a word of the configured stop-word list. */
    public boolean isStopWord(String word) {
        return stopWords.contains(word);
    }
}
