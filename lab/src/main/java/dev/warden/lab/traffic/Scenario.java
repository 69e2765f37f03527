package dev.warden.lab.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to synthesize: a seed (the same seed, the same bytes), the capture's start time and length, how many cameras
 * stream to the recorder, and the botnet phases with their start offsets. Build one with {@link #of} (phases laid out
 * one after another) or take {@link #demo()}.
 */
public record Scenario(long seed, Instant start, Duration length, int cameras, List<Step> steps) {
    /** Fixed traffic start, so that a seed alone fixes the output. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T10:00:00Z");
    /** Normal traffic before the first phase, so a detector can learn what ordinary looks like. */
    static final Duration WARM_UP = Duration.ofSeconds(60);
    /** Quiet between two phases, so their windows do not touch. */
    static final Duration GAP = Duration.ofSeconds(20);
    /** The phases of {@link #demo()}. */
    public static final List<Phase> DEMO_PHASES = List.of(Phase.C2, Phase.SCAN, Phase.SYN_FLOOD);
    /** Largest capture length accepted. */
    static final Duration MAX_LENGTH = Duration.ofHours(2);

    /** One phase: it starts {@code offset} after the capture start and lasts {@code length}. */
    public record Step(Phase phase, Duration offset, Duration length) {
        public Step {
            Objects.requireNonNull(phase, "phase");
        }
    }

    public Scenario {
        Objects.requireNonNull(start, "start");
        if (cameras < 1 || cameras > 50) {
            throw new IllegalArgumentException("cameras must be within 1..50");
        }
        if (length.isNegative() || length.isZero() || length.compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("length must be within 1 s .. " + MAX_LENGTH.toMinutes() + " min");
        }
        steps = List.copyOf(steps);
        for (Step s : steps) {
            if (s.offset().plus(s.length()).compareTo(length) > 0) {
                throw new IllegalArgumentException("phase " + s.phase().wireName() + " ends after the capture ("
                        + length.toMinutes() + " min); give more minutes");
            }
        }
    }

    /**
     * The phases one after another from a minute in, C2 first (it runs to the end, and its attack orders precede the
     * floods), each for its default length. {@code minutes} null: just long enough, and at least 5 minutes.
     */
    public static Scenario of(long seed, Integer minutes, int cameras, List<Phase> phases) {
        List<Step> steps = new ArrayList<>();
        Duration at = WARM_UP;
        if (phases.contains(Phase.C2)) {
            steps.add(new Step(Phase.C2, at, Duration.ZERO));
            at = at.plus(GAP);
        }
        for (Phase p : phases.stream().distinct().toList()) {
            if (p != Phase.C2) {
                steps.add(new Step(p, at, Duration.ofSeconds(p.seconds())));
                at = at.plus(Duration.ofSeconds(p.seconds())).plus(GAP);
            }
        }
        Duration length = minutes != null ? Duration.ofMinutes(minutes)
                : Duration.ofMinutes(Math.max(5, (at.plus(WARM_UP).toSeconds() + 59) / 60));
        List<Step> fixed = new ArrayList<>();
        for (Step s : steps) {
            fixed.add(s.phase() == Phase.C2 ? new Step(Phase.C2, s.offset(), length.minus(s.offset())) : s);
        }
        return new Scenario(seed, DEFAULT_START, length, cameras, fixed);
    }

    /** Five minutes of three cameras; the last one joins an IRC C2, scans for telnet and then SYN-floods a target. */
    public static Scenario demo() {
        return of(1, null, 3, DEMO_PHASES);
    }

    long startNanos() {
        return start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }
}
