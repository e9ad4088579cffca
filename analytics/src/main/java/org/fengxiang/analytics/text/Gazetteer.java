package org.fengxiang.analytics.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small province/city gazetteer: maps place names (provinces, cities, districts, aliases) to the
 * province-level region. File format: {@code REGION<TAB>name name ...}; a line {@code @suffix s1 s2 ...}
 * lists administrative suffixes stripped before lookup. Immutable and thread-safe.
 */
public final class Gazetteer {
    private static final Pattern LOCATION_SEPARATORS = Pattern.compile("[\\s,/|\u00b7\uff0c\u3001]+");
    private final Map<String, String> regionOf;
    private final List<String> suffixes;

    private Gazetteer(Map<String, String> regionOf, List<String> suffixes) {
        this.regionOf = regionOf;
        this.suffixes = suffixes;
    }

    /** Loads a gazetteer file. */
    public static Gazetteer load(String path) {
        Map<String, String> map = new HashMap<>();
        List<String> suffixes = new ArrayList<>();
        for (String line : LexiconFiles.lines(path)) {
            String[] parts = line.split("\\s+");
            if (parts[0].equals("@suffix")) {
                for (int i = 1; i < parts.length; i++) suffixes.add(parts[i]);
                continue;
            }
            map.putIfAbsent(parts[0], parts[0]);
            for (int i = 1; i < parts.length; i++) map.putIfAbsent(parts[i], parts[0]);
        }
        suffixes.sort((a, b) -> b.length() - a.length());
        return new Gazetteer(Map.copyOf(map), List.copyOf(suffixes));
    }

    /** Every known name (for adding to the segmenter's dictionary). */
    public List<String> names() {
        List<String> names = new ArrayList<>(regionOf.keySet());
        Collections.sort(names);
        return names;
    }

    /** The region of one place name, or null. */
    public String regionOf(String place) {
        if (place == null || place.isEmpty()) return null;
        String r = regionOf.get(place);
        if (r != null) return r;
        for (String s : suffixes) {
            if (place.length() > s.length() + 1 && place.endsWith(s)) {
                r = regionOf.get(place.substring(0, place.length() - s.length()));
                if (r != null) return r;
            }
        }
        return null;
    }

    /**
     * The region most mentioned by the places of a text (ties: the first mentioned), else the region
     * of the author's location (its first recognised part), else null.
     */
    public String region(List<String> places, String authorLocation) {
        Map<String, Integer> votes = places.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (String p : places) {
            String r = regionOf(p);
            if (r != null) votes.merge(r, 1, Integer::sum);
        }
        String best = null;
        int bestVotes = 0;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        if (best != null || authorLocation == null) return best;
        for (String part : LOCATION_SEPARATORS.split(authorLocation)) {
            String r = regionOf(part);
            if (r != null) return r;
        }
        return null;
    }
}
