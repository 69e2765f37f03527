package dev.warden.watch.detect;

/**
 * Makes one kind of {@link Detector} from its rule file. Providers are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.warden.watch.detect.DetectorProvider}), so adding a detector is a class, a
 * rule file and one line there — no engine code changes.
 */
public interface DetectorProvider {

    /** The detector's name, the same as {@link Detector#name()}. */
    String name();

    /** A fresh detector with its rules read from {@code context}; a bad rule file throws {@link RulesException}. */
    Detector create(DetectorContext context);
}
