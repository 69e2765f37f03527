package dev.warden.watch.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressLruTest {
    /** The reference: an access-ordered map with an eldest-entry cap, as the detectors used before. */
    private static final class Reference extends LinkedHashMap<List<Long>, Integer> {
        final int max;
        long dropped;

        Reference(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, Integer> eldest) {
            if (size() > max) {
                dropped++;
                return true;
            }
            return false;
        }
    }

    @Test
    void keepsTheSameEntriesOrderAndDropsAsAnAccessOrderedMap() {
        Random random = new Random(7);
        AddressLru<Integer> table = new AddressLru<>(50);
        Reference reference = new Reference(50);
        for (int i = 0; i < 200_000; i++) {
            // Few distinct keys so lookups hit, evictions happen and probe runs collide and get shifted.
            int tag = 4 + 2 * random.nextInt(2);
            long a = random.nextInt(3);
            long b = random.nextInt(40);
            long c = random.nextInt(2);
            long d = random.nextInt(2);
            List<Long> key = List.of((long) tag, a, b, c, d);
            if (random.nextInt(4) == 0) {
                assertThat(table.contains(tag, a, b, c, d)).isEqualTo(reference.containsKey(key));
                continue;
            }
            Integer got = table.get(tag, a, b, c, d);
            assertThat(got).isEqualTo(reference.get(key));
            if (got == null) {
                table.add(tag, a, b, c, d, i);
                reference.put(key, i);
            }
        }
        assertThat(table.values()).containsExactlyElementsOf(new ArrayList<>(reference.values()));
        assertThat(table.size()).isEqualTo(reference.size());
        assertThat(table.dropped()).isEqualTo(reference.dropped).isPositive();
    }

    @Test
    void addReturnsTheValueItDropped() {
        AddressLru<String> table = new AddressLru<>(2);
        assertThat(table.add(4, 0, 1, "one")).isNull();
        assertThat(table.add(4, 0, 2, "two")).isNull();
        assertThat(table.get(4, 0, 1)).isEqualTo("one");
        assertThat(table.add(4, 0, 3, "three")).isEqualTo("two");
        assertThat(table.get(4, 0, 2)).isNull();
        assertThat(table.values()).containsExactly("one", "three");
    }

    @Test
    void replaceGivesAPresentKeyANewValueAndMakesItTheMostRecent() {
        AddressLru<String> table = new AddressLru<>(2);
        table.add(4, 0, 1, "one");
        table.add(4, 0, 2, "two");
        table.replace(4, 0, 1, "uno");
        assertThat(table.values()).containsExactly("two", "uno");
        assertThat(table.size()).isEqualTo(2);
        assertThatThrownBy(() -> table.replace(4, 0, 9, "nine")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPairKeyDiffersFromItsReverseAndFromOneAddress() {
        AddressLru<String> table = new AddressLru<>(8);
        table.add(4, 0, 1, 0, 2, "1->2");
        assertThat(table.get(4, 0, 2, 0, 1)).isNull();
        assertThat(table.get(4, 0, 1)).isNull();
        assertThat(table.get(6, 0, 1, 0, 2)).isNull();
        assertThat(table.get(4, 0, 1, 0, 2)).isEqualTo("1->2");
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThatThrownBy(() -> new AddressLru<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
