import AllocationCounter

/// Whether the tests were compiled with optimisation (`swift test -c release`).
#if DEBUG
public let isOptimizedBuild = false
#else
public let isOptimizedBuild = true
#endif

/// Whether the allocation checks run: allocation-free stepping is promised for optimised builds
/// (debug builds box unspecialised generics), and counting needs glibc's malloc interposition.
/// The README's test command builds optimised and CI runs on Linux, so CI always runs them.
public let runsAllocationChecks = isOptimizedBuild && dojo_allocation_counting_available()
