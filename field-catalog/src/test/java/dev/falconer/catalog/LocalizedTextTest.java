package dev.falconer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A text read later is read when first asked for, once whoever asks, and is then the same as one given at once. */
class LocalizedTextTest {

    @Test
    void aTextReadLaterIsReadOnceWhenFirstAskedFor() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        LocalizedText later = LocalizedText.later(() -> {
            reads.incrementAndGet();
            return Map.of("en", "the process name", "ja", "プロセス名");
        });
        assertEquals(0, reads.get(), "read before anyone asked");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> askers = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Locale asked = i % 2 == 0 ? Locale.JAPANESE : Locale.ENGLISH;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    answers.add(later.get(asked));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            askers.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : askers) {
            t.join();
        }
        assertEquals(1, reads.get());
        assertEquals(8, answers.size());
        assertEquals(4, answers.stream().filter("プロセス名"::equals).count(), answers.toString());
        assertEquals(4, answers.stream().filter("the process name"::equals).count(), answers.toString());
        assertEquals(LocalizedText.of("the process name", "プロセス名"), later);
        assertEquals(LocalizedText.of("the process name", "プロセス名").hashCode(), later.hashCode());
        assertEquals("the process name", later.get(Locale.GERMAN)); // falls back to English
        assertEquals("imported", LocalizedText.later(Map::of).withImported("imported").get(Locale.ENGLISH));
    }
}
