import Dispatch
import Foundation

/// `body(0) … body(count − 1)` on all cores, results in index order. Worker w takes the indices
/// i ≡ w (mod workers) and writes only its own slots of a raw buffer, so no storage is shared; each
/// result depends on its index only, never on the number of cores. The error of the lowest failing
/// index is rethrown. `body` must only read shared state.
func parallelMap<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
    let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
    if workers == 1 { return try (0..<count).map(body) }
    let results = UnsafeMutableBufferPointer<Result<T, any Error>?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let slots = results
        nonisolated(unsafe) let work = body
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: count, by: workers) { slots[i] = Result { try work(i) } }
        }
    }
    return try results.map { try $0!.get() }
}
