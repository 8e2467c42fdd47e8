/// Moves `count` bytes from `base` (an allocation of `capacity` bytes, freed here) to a new allocation
/// of at least `needed` bytes, doubling the capacity: the growth step of the raw byte buffers of the
/// XML and CSV scanners and of the writers' `OutputBytes`.
@inline(__always)
func grownByteAllocation(_ base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, needed: Int)
    -> (base: UnsafeMutablePointer<UInt8>, capacity: Int)
{
    var size = max(capacity, 1) * 2
    while size < needed { size *= 2 }
    let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    fresh.update(from: base, count: count)
    base.deallocate()
    return (fresh, size)
}
