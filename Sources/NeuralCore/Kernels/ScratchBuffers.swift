/// A small pool of `Float` arrays that a layer keeps between calls, so steady-state training
/// reuses its large temporary buffers instead of allocating (and page-faulting) them each step.
///
/// An array handed out by ``take(_:)`` has unspecified contents; callers overwrite every
/// element. Arrays given back while a graph still holds them stay valid: the next writer
/// gets a copy (copy-on-write), so reuse never changes results.
final class ScratchBuffers {
    private var pool: [[Float]] = []

    /// The most arrays kept; more are released.
    private let capacity = 8

    /// An array of exactly `count` elements, reused from the pool when one of that size is there.
    func take(_ count: Int) -> [Float] {
        if let index = pool.firstIndex(where: { $0.count == count }) {
            return pool.remove(at: index)
        }
        return [Float](repeating: 0, count: count)
    }

    /// Returns an array to the pool for a later ``take(_:)``.
    func give(_ array: [Float]) {
        guard !array.isEmpty else { return }
        if pool.count == capacity { pool.removeFirst() }
        pool.append(array)
    }
}
