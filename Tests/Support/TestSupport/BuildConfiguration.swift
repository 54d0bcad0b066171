/// Whether the tests were compiled with optimisation (`swift test -c release`).
///
/// Allocation-free stepping is promised for optimised builds only (debug builds box
/// unspecialised generics), so the allocation checks run when this is true; the README's test
/// command builds optimised, so CI always runs them.
#if DEBUG
public let isOptimizedBuild = false
#else
public let isOptimizedBuild = true
#endif
