package dev.falconer.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RequestRunnerTest {

    @Test
    void aFailureIsLoggedAndAnsweredWithTheEmptyResult() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RequestRunner r = new RequestRunner(1, new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8)))) {
            List<String> out = r.<List<String>>run("textDocument/hover", List::of, cancel -> {
                throw new IllegalStateException("boom");
            }).get(2, TimeUnit.SECONDS);
            assertEquals(List.of(), out);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("textDocument/hover"));
    }

    @Test
    void isIdleExceptWhileAnsweringARequest() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RequestRunner r = new RequestRunner(1, new ServerLog(System.err))) {
            assertTrue(r.idle());
            CompletableFuture<String> f = r.run("slow", () -> "", cancel -> {
                running.countDown();
                try {
                    release.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "done";
            });
            assertTrue(running.await(2, TimeUnit.SECONDS));
            assertFalse(r.idle());
            release.countDown();
            assertEquals("done", f.get(2, TimeUnit.SECONDS));
            while (!r.idle()) {
                Thread.sleep(5); // the counter drops just after the answer; bounded by the class timeout
            }
        }
    }

    @Test
    void aStackOverflowInBackgroundWorkIsLoggedAndTheRunnerGoesOn() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RequestRunner r = new RequestRunner(1, new ServerLog(new PrintStream(err, true, StandardCharsets.UTF_8)))) {
            r.background(() -> {
                throw new StackOverflowError("deep");
            });
            assertEquals("ok", r.run("textDocument/hover", () -> "", cancel -> "ok").get(2, TimeUnit.SECONDS));
            while (!r.idle()) {
                Thread.sleep(5); // bounded by the class timeout
            }
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("StackOverflowError"));
    }

    @Test
    void backgroundWorkCountsAsBusyUntilItEnds() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (RequestRunner r = new RequestRunner(1, new ServerLog(System.err))) {
            r.background(() -> {
                try {
                    release.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
            assertFalse(r.idle());
            release.countDown();
            assertTrue(done.await(2, TimeUnit.SECONDS));
            while (!r.idle()) {
                Thread.sleep(5); // bounded by the class timeout
            }
        }
    }

    @Test
    void workRunsOffTheCallingThreadAndSeesCancellation() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch sawCancel = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        try (RequestRunner r = new RequestRunner(1, new ServerLog(System.err))) {
            CompletableFuture<String> f = r.run("slow", () -> "", cancel -> {
                assertTrue(Thread.currentThread() != caller);
                running.countDown();
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (System.nanoTime() < end) {
                    if (cancel.isCancelled()) {
                        sawCancel.countDown();
                        cancel.checkCanceled();
                    }
                }
                return "late";
            });
            assertTrue(running.await(2, TimeUnit.SECONDS));
            f.cancel(true);
            assertTrue(sawCancel.await(2, TimeUnit.SECONDS));
            assertThrows(CancellationException.class, f::join);
        }
    }
}
