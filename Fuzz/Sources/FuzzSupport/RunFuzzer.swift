import CLibFuzzer
import Glibc

/// The function libFuzzer calls with each input; set once, before the driver starts.
nonisolated(unsafe) private var fuzzTarget: ((UnsafeRawBufferPointer) -> Void)?

/// Runs libFuzzer on `target` with this program's command line (a corpus folder, `-runs=`,
/// `-max_total_time=` ...) and exits with its status. A target may throw nothing and return
/// nothing: bad input must be refused, and a crash, a leak or an oversized allocation is
/// what libFuzzer reports.
///
/// SwiftPM gives every executable a `main` of its own, so the targets start libFuzzer through
/// `LLVMFuzzerRunDriver` rather than its built-in `main`.
public func runFuzzer(_ target: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
    fuzzTarget = target
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    DojoFuzzSetTarget { data, size in
        fuzzTarget?(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
    exit(LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput))
}
