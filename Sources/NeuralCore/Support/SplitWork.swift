/// Work over a range of elements that ``SideThread/split(_:granule:_:)`` divides between the
/// caller's thread and the side thread.
///
/// An object rather than a closure, so that handing it over allocates nothing: a closure that
/// captures values needs a heap context to cross threads. Keep one and set its operands before
/// each split.
public protocol SplitWork: AnyObject {
    /// Does the work of the elements in `range`; runs on both threads at once, on disjoint
    /// ranges.
    func perform(_ range: Range<Int>)
}
