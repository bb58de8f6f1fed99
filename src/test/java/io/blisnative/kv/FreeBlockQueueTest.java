package io.blisnative.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreeBlockQueueTest {

    @Test
    void pollAddRemove_randomOperations_keepFreeOrderLikeALinkedList() {
        // given 50 blocks, all free, and a reference that keeps insertion order
        int total = 50;
        FreeBlockQueue queue = new FreeBlockQueue(total);
        LinkedHashSet<Integer> reference = new LinkedHashSet<>();
        for (int b = 0; b < total; b++) {
            reference.add(b);
        }
        List<Integer> held = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        // when blocks are taken, returned and pulled out of the middle at random, many times over
        // (so gaps pile up and the ring compacts)
        for (int op = 0; op < 100_000; op++) {
            int choice = random.nextInt(3);
            if (choice == 0 && !reference.isEmpty()) {
                int expected = reference.iterator().next();
                reference.remove(expected);
                assertEquals(expected, queue.poll(), "op " + op);
                held.add(expected);
            } else if (choice == 1 && !held.isEmpty()) {
                int b = held.remove(random.nextInt(held.size()));
                reference.add(b);
                queue.add(b);
            } else if (!reference.isEmpty()) {
                int b = new ArrayList<>(reference).get(random.nextInt(reference.size()));
                reference.remove(b);
                queue.remove(b);
                held.add(b);
            }
            // then size, membership and the upcoming order always match the reference
            assertEquals(reference.size(), queue.size());
            int[] next = new int[5];
            int n = queue.peek(5, next);
            int[] expected = reference.stream().limit(5).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, java.util.Arrays.copyOf(next, n), "op " + op);
        }
        for (int b = 0; b < total; b++) {
            assertEquals(reference.contains(b), queue.contains(b));
        }
    }
}
