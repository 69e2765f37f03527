package dev.warden.watch.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.watch.flow.LruMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecentMapTest {
    private record Key(int version, long a, long b) {
    }

    @Test
    void remembersTheLastAccessWithoutChangingWhatIsEvicted() {
        RecentMap<Key, List<Integer>> recent = new RecentMap<>(8, (v, a, b, c, d) -> new Key(v, a, b), ArrayList::new);
        LruMap<Key, List<Integer>> plain = new LruMap<>(8);
        Random random = new Random(4);
        for (int i = 0; i < 5_000; i++) {
            int k = random.nextInt(12);
            int repeat = 1 + random.nextInt(3);
            boolean create = random.nextBoolean();
            for (int r = 0; r < repeat; r++) {
                List<Integer> got = recent.get(4, k, k * 7L, 0, 0, create);
                List<Integer> expected = create ? plain.computeIfAbsent(new Key(4, k, k * 7L), x -> new ArrayList<>())
                        : plain.get(new Key(4, k, k * 7L));
                assertThat(got == null).isEqualTo(expected == null);
                if (got != null) {
                    got.add(i);
                    expected.add(i);
                    assertThat(got).isEqualTo(expected);
                    assertThat(recent.lastKey()).isEqualTo(new Key(4, k, k * 7L));
                }
                assertThat(recent.contains(4, k, k * 7L, 0, 0)).isEqualTo(plain.containsKey(new Key(4, k, k * 7L)));
            }
        }
        assertThat(recent.dropped()).isEqualTo(plain.dropped()).isPositive();
    }
}
