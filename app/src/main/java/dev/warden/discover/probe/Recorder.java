package dev.warden.discover.probe;

import dev.warden.evidence.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one probe saw: its observations in order and its notes. Each probe fills its own recorder, so probes running
 * in parallel never share one, and the engine merges them in a stable order (UDP, then ports ascending).
 */
public final class Recorder {
    private final List<Observation> observations = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Records a fact; blank values are dropped (an empty Server header says nothing). */
    public void add(String key, int port, String value) {
        if (value != null && !value.isBlank()) {
            observations.add(new Observation(key, port, value.strip()));
        }
    }

    /** Records what went wrong, on one line (parser messages span several). */
    public void note(String note) {
        notes.add(note.replaceAll("\\s+", " ").strip());
    }

    public List<Observation> observations() {
        return observations;
    }

    public List<String> notes() {
        return notes;
    }

    public boolean has(String key) {
        return observations.stream().anyMatch(o -> o.key().equals(key));
    }

    /** The first value recorded for a key, or null. */
    public String first(String key) {
        return observations.stream().filter(o -> o.key().equals(key)).map(Observation::value).findFirst().orElse(null);
    }
}
