/// Clears the gradients of the given variables.
public func zeroGradients(of parameters: [Variable]) {
    for parameter in parameters { parameter.grad = nil }
}

/// Evaluates a scalar loss and its gradient with respect to each parameter, in one call.
///
/// Existing gradients are cleared first; after the call each parameter's ``Variable/grad``
/// also holds its gradient, ready for an optimizer.
///
/// ```swift
/// let (loss, grads) = valueAndGradient(at: model.parameters) {
///     meanSquaredError(model(x), target)
/// }
/// ```
/// - Returns: the loss value and one gradient per parameter (zeros where the loss does not depend on it).
/// - Precondition: `loss` returns a one-element variable.
public func valueAndGradient(
    at parameters: [Variable], of loss: () -> Variable
) -> (value: Float, gradients: [Tensor]) {
    zeroGradients(of: parameters)
    let result = loss()
    result.backward()
    return (result.value.scalar, parameters.map { $0.grad ?? Tensor.zeros($0.shape) })
}
