import Foundation
import NeuralCore

/// Accumulates the nodes and initializers of an ONNX graph while walking a model's layers.
struct ONNXGraphBuilder {
    private(set) var nodes: [Onnx_NodeProto] = []
    private(set) var initializers: [Onnx_TensorProto] = []
    private var counter = 0

    /// Adds a node and returns the name of its (single) output.
    mutating func add(_ operation: String, inputs: [String], attributes: [Onnx_AttributeProto] = []) -> String {
        counter += 1
        let output = "\(operation.lowercased())_\(counter)"
        var node = Onnx_NodeProto()
        node.opType = operation
        node.name = "\(operation)_\(counter)"
        node.input = inputs
        node.output = [output]
        node.attribute = attributes
        nodes.append(node)
        return output
    }

    /// Renames the last node's output (the graph output gets a fixed name).
    mutating func renameLastOutput(to name: String) {
        guard !nodes.isEmpty else { return }
        nodes[nodes.count - 1].output = [name]
    }

    /// Adds a float initializer and returns its name.
    mutating func constant(_ name: String, _ tensor: Tensor) -> String {
        var proto = Onnx_TensorProto()
        proto.name = name
        proto.dims = tensor.shape.map(Int64.init)
        proto.dataType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        var bytes = [UInt8]()
        bytes.reserveCapacity(tensor.count * 4)
        for value in tensor.scalars {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        proto.rawData = Data(bytes)
        initializers.append(proto)
        return name
    }

    /// Adds an int64 initializer (a shape, say) and returns its name.
    mutating func int64Constant(_ name: String, _ values: [Int]) -> String {
        var proto = Onnx_TensorProto()
        proto.name = name
        proto.dims = [Int64(values.count)]
        proto.dataType = Int32(Onnx_TensorProto.DataType.int64.rawValue)
        proto.int64Data = values.map(Int64.init)
        initializers.append(proto)
        return name
    }

    static func ints(_ name: String, _ values: [Int]) -> Onnx_AttributeProto {
        var attribute = Onnx_AttributeProto()
        attribute.name = name
        attribute.type = .ints
        attribute.ints = values.map(Int64.init)
        return attribute
    }

    static func int(_ name: String, _ value: Int) -> Onnx_AttributeProto {
        var attribute = Onnx_AttributeProto()
        attribute.name = name
        attribute.type = .int
        attribute.i = Int64(value)
        return attribute
    }

    static func float(_ name: String, _ value: Float) -> Onnx_AttributeProto {
        var attribute = Onnx_AttributeProto()
        attribute.name = name
        attribute.type = .float
        attribute.f = value
        return attribute
    }
}
