package dev.falconer.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One direction of an in-process connection: bytes written to {@link #out} are read from
 * {@link #in}, in order, whatever threads write. Not java.io's piped streams: a
 * {@code PipedInputStream} fails its reader ("Pipe broken") once the last thread that wrote to it
 * has ended, and the server writes from threads that end (its warm-up's): the client then stopped
 * reading and a request went unanswered. Nor NIO's {@code Pipe} streams, which close on an
 * interrupt, and the server interrupts its own threads. Like stdio, blocking calls here ignore
 * interrupts; closing either end ends the stream.
 */
final class TestPipe {
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int count;
    private boolean closed;

    final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            boolean interrupted = false;
            try {
                synchronized (TestPipe.this) {
                    while (count == 0 && !closed) {
                        interrupted |= await();
                    }
                    if (count == 0) {
                        return -1;
                    }
                    int n = Math.min(len, Math.min(count, buffer.length - start));
                    System.arraycopy(buffer, start, b, off, n);
                    start = (start + n) % buffer.length;
                    count -= n;
                    TestPipe.this.notifyAll();
                    return n;
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public int available() {
            synchronized (TestPipe.this) {
                return count;
            }
        }

        @Override
        public void close() {
            closeBoth();
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            boolean interrupted = false;
            try {
                synchronized (TestPipe.this) {
                    while (len > 0) {
                        while (count == buffer.length && !closed) {
                            interrupted |= await();
                        }
                        if (closed) {
                            throw new IOException("pipe closed");
                        }
                        int end = (start + count) % buffer.length;
                        int n = Math.min(len, Math.min(buffer.length - count, buffer.length - end));
                        System.arraycopy(b, off, buffer, end, n);
                        count += n;
                        off += n;
                        len -= n;
                        TestPipe.this.notifyAll();
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            closeBoth();
        }
    };

    private synchronized void closeBoth() {
        closed = true;
        notifyAll();
    }

    /** Waits for the other end (the monitor held); true when interrupted meanwhile, which the caller restores after. */
    private boolean await() {
        try {
            wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
