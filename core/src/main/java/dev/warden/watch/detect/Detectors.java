package dev.warden.watch.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds every {@link DetectorProvider} on the class path and makes the detectors of one run. */
public final class Detectors {
    private Detectors() {
    }

    /** The names of every detector available, sorted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (DetectorProvider p : ServiceLoader.load(DetectorProvider.class, Detectors.class.getClassLoader())) {
            names.add(p.name());
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    /** Every detector, in name order, made from {@code context}. */
    public static List<Detector> all(DetectorContext context) {
        return only(context, null);
    }

    /**
     * The detectors named in {@code names} (all when null), in name order; an unknown name is a
     * {@link RulesException} listing the known ones. They share device profiles of their own, never those of an
     * earlier call with the same context.
     */
    public static List<Detector> only(DetectorContext context, Set<String> names) {
        List<DetectorProvider> providers = new ArrayList<>();
        for (DetectorProvider p : ServiceLoader.load(DetectorProvider.class, Detectors.class.getClassLoader())) {
            providers.add(p);
        }
        providers.sort(Comparator.comparing(DetectorProvider::name));
        if (names != null) {
            for (String n : names) {
                if (providers.stream().noneMatch(p -> p.name().equals(n))) {
                    throw new RulesException("no detector named '" + n + "' (known: " + names() + ")");
                }
            }
        }
        DetectorContext run = context.forRun();
        List<Detector> detectors = new ArrayList<>();
        for (DetectorProvider p : providers) {
            if (names == null || names.contains(p.name())) {
                detectors.add(p.create(run));
            }
        }
        return detectors;
    }
}
