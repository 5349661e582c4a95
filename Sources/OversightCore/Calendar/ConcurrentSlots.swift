import Foundation

/// One result slot per task for work spread over threads (`DispatchQueue.concurrentPerform`):
/// each task writes its own slot; the caller reads them all once every task has finished.
public final class ConcurrentSlots<T>: @unchecked Sendable {
    // Guarded by `lock`.
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: T) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    /// Takes the value out of a slot, leaving it empty.
    public func take(_ index: Int) -> T? {
        lock.lock(); defer { lock.unlock() }
        let v = slots[index]
        slots[index] = nil
        return v
    }

    /// The filled slots' values, in slot order.
    public var values: [T] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
