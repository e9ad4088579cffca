package org.fengxiang.alerting.rules;

import org.fengxiang.core.Alert;

/** Numeric grades 1..4 and their names blue, yellow, orange, red (Ⅳ–Ⅰ). */
final class Grades {
    private Grades() {}

    static String name(int level) {
        return switch (level) {
            case 4 -> Alert.RED;
            case 3 -> Alert.ORANGE;
            case 2 -> Alert.YELLOW;
            case 1 -> Alert.BLUE;
            default -> "none";
        };
    }
}
