import Foundation

/// A blocking first-in-first-out queue of bounded size between one producer thread and one
/// consumer thread. Bounded so that a fast reader never holds more than a few batches of a
/// large file in memory.
final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then adds `element`. Returns `false` (dropping it) once cancelled.
    @discardableResult
    func put(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// The producer has no more.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer wants no more: wakes and stops the producer.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// Waits for the next element; `nil` when the producer has finished and all were taken.
    func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !finished && !cancelled { condition.wait() }
        guard !items.isEmpty else { return nil }
        let first = items.removeFirst()
        condition.broadcast()
        return first
    }
}
