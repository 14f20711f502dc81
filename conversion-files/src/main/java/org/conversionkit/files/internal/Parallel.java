package org.conversionkit.files.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs tasks on a few threads and gives their results in the tasks' order: the checks of many files. */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Runs the tasks, at most {@code threads} at once, and returns their results in order. The first task that
     * fails (in the tasks' order) fails the whole: the tasks not started are cancelled and its exception is thrown
     * as it was, an error as an error, a runtime exception as a runtime exception.
     *
     * @param <T>     the result
     * @param tasks   the tasks
     * @param threads the most tasks at once, 1 or more
     * @return the results, in the order of the tasks
     */
    public static <T> List<T> inOrder(List<? extends Callable<T>> tasks, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        }
        int count = Math.min(threads, tasks.size());
        List<T> results = new ArrayList<>(tasks.size());
        if (count <= 1) {
            // One at a time, on the caller's thread: nothing to start or stop.
            for (Callable<T> task : tasks) {
                results.add(call(task));
            }
            return results;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "conversion-check-" + number.incrementAndGet());
            // Never keeps the JVM alive: a caller that stops waiting has its answer already.
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(task));
            }
            for (Future<T> future : futures) {
                results.add(get(future));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while files were checked", e);
        } catch (ExecutionException e) {
            Throwable cause = Objects.requireNonNull(e.getCause());
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
