import Dispatch

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
