import Foundation

/// Runs a producer on a thread of its own, up to `depth` items ahead of the
/// consumer: an import reads and checks the next chunk of a file while the
/// database writes the one before (on two cores the two overlap; the file's
/// rows are checked at the speed of the database instead of before it).
///
/// The producer's state belongs to its thread alone until it has produced its
/// last item (nil) or failed; items and errors are handed over under a lock,
/// in order. `finish()` stops the producer early and waits for its thread.
final class ReadAhead<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Result<Item?, Error>] = []
    private var stopped = false
    private var running = true
    private let depth: Int
    private let produce: () throws -> Item?

    /// Starts `produce` at once; it is called until it returns nil or throws.
    init(depth: Int = 2, _ produce: @escaping () throws -> Item?) {
        self.depth = max(1, depth)
        self.produce = produce
        let thread = Thread { [self] in run() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func run() {
        defer {
            condition.lock(); running = false; condition.broadcast(); condition.unlock()
        }
        while true {
            condition.lock()
            while ready.count >= depth && !stopped { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            let item = Result { try produce() }
            condition.lock()
            ready.append(item)
            condition.broadcast()
            condition.unlock()
            guard case .success(.some) = item else { return }
        }
    }

    /// The next item in order, nil after the last; rethrows the producer's error.
    func next() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty {
            if !running { return nil }
            condition.wait()
        }
        let item = ready.removeFirst()
        condition.broadcast()
        return try item.get()
    }

    /// Stops the producer (after the item it is making) and waits for its thread.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }
}
