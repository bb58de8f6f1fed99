package io.blisnative.sim;

import java.util.Arrays;
import java.util.Comparator;

/** The server's wait queue: a ring-buffer deque (preempted requests go back to the front). */
final class WaitQueue {
    private Request[] items = new Request[64];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    Request peekFirst() {
        return items[head];
    }

    Request pollFirst() {
        Request r = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        return r;
    }

    void addLast(Request r) {
        ensureRoom();
        items[(head + size) & (items.length - 1)] = r;
        size++;
    }

    void addFirst(Request r) {
        ensureRoom();
        head = (head - 1) & (items.length - 1);
        items[head] = r;
        size++;
    }

    /** Removes {@code r} keeping the others' order; false when absent. */
    boolean remove(Request r) {
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            if (items[(head + i) & mask] == r) {
                for (int j = i; j < size - 1; j++) {
                    items[(head + j) & mask] = items[(head + j + 1) & mask];
                }
                items[(head + size - 1) & mask] = null;
                size--;
                return true;
            }
        }
        return false;
    }

    /** Stable re-sort of the whole queue (non-FCFS schedulers, once per step). */
    void sort(Comparator<Request> order) {
        Request[] copy = new Request[size];
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            copy[i] = items[(head + i) & mask];
        }
        Arrays.sort(copy, order);
        Arrays.fill(items, null);
        System.arraycopy(copy, 0, items, 0, size);
        head = 0;
    }

    /** Copies the queued requests, front first, into {@code out}; returns how many. */
    int drainTo(Request[] out) {
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            out[i] = items[(head + i) & mask];
        }
        return size;
    }

    private void ensureRoom() {
        if (size < items.length) {
            return;
        }
        Request[] bigger = new Request[items.length * 2];
        int mask = items.length - 1;
        for (int i = 0; i < size; i++) {
            bigger[i] = items[(head + i) & mask];
        }
        items = bigger;
        head = 0;
    }
}
