/// Stops the process with `message` when `condition` is false.
///
/// `precondition` drops its message in optimised builds, which are the ones people train
/// with; this check keeps it, so a broken contract names what disagreed (a parameter, two
/// shapes) in every build. Use it where the message is what a user needs to fix their code.
@inline(__always)
func checkContract(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError(message(), file: file, line: line) }
}
