import Foundation
import NeuralCore
import SwiftProtobuf

/// ONNX export of ``Sequential`` models made of Linear, Conv2D, pooling, Flatten, Dropout
/// (identity at inference) and the activations.
///
/// Layers map to standard operators of opset 17: Linear → `Gemm` (`transB = 1`, so the weight
/// stays `[out, in]`), Conv2D → `Conv`, MaxPool2D → `MaxPool`, AvgPool2D → `AveragePool`
/// (`count_include_pad = 1`), Flatten → `Flatten(axis 1)`, GELU → `x·½·(1 + Erf(x/√2))`, the other
/// activations to their operator of the same name. Initializers are named like the
/// PyTorch `state_dict` (`0.weight`), and the batch axis is symbolic.
///
/// The protobuf types come from `onnx.proto` (in `Proto/`) compiled by `protoc-gen-swift`; the
/// generated file is committed so builds never need the generator. To regenerate:
///
///     protoc --swift_out=Sources/NeuralCoreONNX/Generated --proto_path=Sources/NeuralCoreONNX/Proto onnx.proto
extension Sequential {
    /// The serialized ONNX model for inputs of shape `[batch] + inputShape`.
    /// - Throws: ``ONNXExportError`` for a layer with no mapping.
    public func onnxModel(inputShape: [Int], inputName: String = "input", outputName: String = "output") throws(ONNXExportError) -> Data {
        var builder = ONNXGraphBuilder()
        let last = try appendLayers(self, prefix: "", input: inputName, to: &builder)
        if last == inputName {
            _ = builder.add("Identity", inputs: [inputName])
        }
        builder.renameLastOutput(to: outputName)
        let outputShape = Array(self(Tensor.zeros([1] + inputShape)).shape.dropFirst())

        var graph = Onnx_GraphProto()
        graph.name = "neuralcore"
        graph.node = builder.nodes
        graph.initializer = builder.initializers
        graph.input = [Self.valueInfo(inputName, shape: inputShape)]
        graph.output = [Self.valueInfo(outputName, shape: outputShape)]
        var opset = Onnx_OperatorSetIdProto()
        opset.domain = ""
        opset.version = 17
        var model = Onnx_ModelProto()
        model.irVersion = 8
        model.producerName = "NeuralCore"
        model.opsetImport = [opset]
        model.graph = graph
        do {
            return try model.serializedData()
        } catch {
            throw .io(path: "<memory>", reason: "\(error)")
        }
    }

    /// Writes the ONNX model atomically (temporary file in the same folder, then rename).
    /// - Throws: ``ONNXExportError``.
    public func exportONNX(to url: URL, inputShape: [Int], inputName: String = "input") throws(ONNXExportError) {
        let data = try onnxModel(inputShape: inputShape, inputName: inputName)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .io(path: url.path, reason: "\(error)")
        }
    }

    /// Appends the nodes of every layer of `model`, returning the name of the last output.
    private func appendLayers(_ model: Sequential, prefix: String, input: String, to builder: inout ONNXGraphBuilder) throws(ONNXExportError) -> String {
        var current = input
        for (index, layer) in model.layers.enumerated() {
            let path = "\(prefix)\(index)"
            if let nested = layer as? Sequential {
                current = try appendLayers(nested, prefix: "\(path).", input: current, to: &builder)
            } else {
                current = try Self.append(layer, path: path, input: current, to: &builder)
            }
        }
        return current
    }

    /// Appends the node(s) for one layer.
    private static func append(_ layer: any Layer, path: String, input: String, to builder: inout ONNXGraphBuilder) throws(ONNXExportError) -> String {
        switch layer {
        case let linear as Linear:
            var inputs = [input, builder.constant("\(path).weight", linear.weight.value)]
            if let bias = linear.bias { inputs.append(builder.constant("\(path).bias", bias.value)) }
            return builder.add("Gemm", inputs: inputs, attributes: [ONNXGraphBuilder.int("transB", 1)])
        case let conv as Conv2D:
            var inputs = [input, builder.constant("\(path).weight", conv.weight.value)]
            if let bias = conv.bias { inputs.append(builder.constant("\(path).bias", bias.value)) }
            let kernel = Array(conv.weight.shape.suffix(2))
            return builder.add("Conv", inputs: inputs, attributes: [
                ONNXGraphBuilder.ints("kernel_shape", kernel), ONNXGraphBuilder.ints("strides", [conv.stride, conv.stride]),
                ONNXGraphBuilder.ints("pads", Array(repeating: conv.padding, count: 4)),
            ])
        case let pool as MaxPool2D:
            return builder.add("MaxPool", inputs: [input], attributes: poolAttributes(pool.kernelSize, pool.stride, pool.padding))
        case let pool as AvgPool2D:
            return builder.add("AveragePool", inputs: [input], attributes: poolAttributes(pool.kernelSize, pool.stride, pool.padding) + [ONNXGraphBuilder.int("count_include_pad", 1)])
        case is Flatten:
            return builder.add("Flatten", inputs: [input], attributes: [ONNXGraphBuilder.int("axis", 1)])
        case let unflatten as Unflatten:
            let shape = builder.int64Constant("\(path).shape", [-1] + unflatten.shape)
            return builder.add("Reshape", inputs: [input, shape])
        case let permute as Permute:
            return builder.add("Transpose", inputs: [input], attributes: [ONNXGraphBuilder.ints("perm", permute.dims)])
        case is Dropout:
            return input
        case is ReLU:
            return builder.add("Relu", inputs: [input])
        case is Sigmoid:
            return builder.add("Sigmoid", inputs: [input])
        case is Tanh:
            return builder.add("Tanh", inputs: [input])
        case let leaky as LeakyReLU:
            return builder.add("LeakyRelu", inputs: [input], attributes: [ONNXGraphBuilder.float("alpha", leaky.slope)])
        case let elu as ELU:
            return builder.add("Elu", inputs: [input], attributes: [ONNXGraphBuilder.float("alpha", elu.alpha)])
        case let softmax as Softmax:
            return builder.add("Softmax", inputs: [input], attributes: [ONNXGraphBuilder.int("axis", softmax.axis)])
        case let logSoftmax as LogSoftmax:
            return builder.add("LogSoftmax", inputs: [input], attributes: [ONNXGraphBuilder.int("axis", logSoftmax.axis)])
        case is GELU:
            let root = builder.constant("\(path).sqrt2", Tensor(Float(2).squareRoot()))
            let one = builder.constant("\(path).one", Tensor(1))
            let half = builder.constant("\(path).half", Tensor(0.5))
            let scaled = builder.add("Div", inputs: [input, root])
            let erf = builder.add("Erf", inputs: [scaled])
            let shifted = builder.add("Add", inputs: [erf, one])
            let gated = builder.add("Mul", inputs: [input, shifted])
            return builder.add("Mul", inputs: [gated, half])
        default:
            throw .unsupportedLayer(path: path, type: "\(type(of: layer))")
        }
    }

    private static func poolAttributes(_ kernel: Int, _ stride: Int, _ padding: Int) -> [Onnx_AttributeProto] {
        [ONNXGraphBuilder.ints("kernel_shape", [kernel, kernel]), ONNXGraphBuilder.ints("strides", [stride, stride]),
         ONNXGraphBuilder.ints("pads", Array(repeating: padding, count: 4))]
    }

    /// A float tensor value with a symbolic batch axis followed by `shape`.
    private static func valueInfo(_ name: String, shape: [Int]) -> Onnx_ValueInfoProto {
        var batch = Onnx_TensorShapeProto.Dimension()
        batch.dimParam = "batch"
        var tensorShape = Onnx_TensorShapeProto()
        tensorShape.dim = [batch] + shape.map { extent in
            var dimension = Onnx_TensorShapeProto.Dimension()
            dimension.dimValue = Int64(extent)
            return dimension
        }
        var tensorType = Onnx_TypeProto.Tensor()
        tensorType.elemType = Int32(Onnx_TensorProto.DataType.float.rawValue)
        tensorType.shape = tensorShape
        var type = Onnx_TypeProto()
        type.tensorType = tensorType
        var info = Onnx_ValueInfoProto()
        info.name = name
        info.type = type
        return info
    }
}
