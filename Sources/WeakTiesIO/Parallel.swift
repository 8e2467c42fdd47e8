import Dispatch
import Foundation

/// Work spread over the cores, with results that do not depend on how many there are.
public enum Parallel {
    /// `body(0) … body(count − 1)` on all cores, results in index order. Worker w takes the indices
    /// i ≡ w (mod workers) and writes only its own slots of a raw buffer, so no storage is shared; each
    /// result depends on its index only, never on the number of cores. The error of the lowest failing
    /// index is rethrown (a body that cannot throw needs no `try`). `body` must only read shared state.
    public static func map<T, E: Error>(_ count: Int, _ body: (Int) throws(E) -> T) throws(E) -> [T] {
        var out: [T] = []
        out.reserveCapacity(count)
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        if workers == 1 {
            for i in 0..<count { out.append(try body(i)) }
            return out
        }
        let results = UnsafeMutableBufferPointer<Result<T, E>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let slots = results
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: count, by: workers) {
                    slots[i] = Result { () throws(E) -> T in try work(i) }
                }
            }
        }
        for result in results { out.append(try result!.get()) }
        return out
    }
}
