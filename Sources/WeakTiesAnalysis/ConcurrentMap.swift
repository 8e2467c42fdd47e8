import Dispatch
import Foundation

/// `body(0) … body(count − 1)`, each taken by whichever core is free (tasks of unequal length balance
/// themselves), results in index order. Each task writes only its own slot, so the results are those of
/// running them one after the other whenever each task's result depends on its index alone (its own
/// seed, no shared state written). `body` must only read shared state.
func concurrentMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let slots = results
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: count) { i in slots[i] = work(i) }
    }
    return results.map { $0! }
}

/// A value computed on a thread of its own, started at once; `value()` waits for it and gives it, or
/// rethrows the work's error (`Failure`: `Never` for work that cannot fail, so `value()` needs no
/// `try`). A thread, not a dispatch queue: the work may block (on Graphviz, or a process), and blocked
/// workers starve libdispatch's pool, which the pages use (seen here: a second's delay on two cores).
/// For a few long tasks of unequal length, some waiting for others (the study's growth, the report's
/// maps and partner index): each starts as soon as what it needs is there and the system shares the
/// cores among them and whatever else runs, with no barrier where a core idles until the longest of a
/// batch ends (`concurrentMap`'s batches did: 0.6 s of one idle core in the regional model's report).
/// `work` must only read shared state.
public final class Background<Value, Failure: Error>: @unchecked Sendable {
    private var result: Result<Value, Failure>?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once on a new thread.
    public init(_ work: @escaping @Sendable () throws(Failure) -> Value) {
        Thread { [self] in
            result = Result { () throws(Failure) -> Value in try work() }
            done.signal()
        }.start()
    }

    /// Waits for the value, or rethrows the work's error; may be called again.
    public func value() throws(Failure) -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
