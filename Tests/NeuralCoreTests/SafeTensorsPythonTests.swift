import Foundation
import NeuralCore
import TestSupport
import Testing

/// Round trips through the Python `safetensors` package, which accepts only strings as
/// metadata values: the architecture is JSON text inside one.
///
/// Runs through ``PythonRunner`` (see there for the interpreter set-up).
struct SafeTensorsPythonTests {
    @Test(.enabled(if: PythonRunner.shouldRun(importing: ["safetensors", "numpy"]), "needs Python with safetensors, numpy (Tests/requirements.txt); CI sets DOJO_REQUIRE_PYTHON=1 so it always runs there"))
    func pythonReadsOurFileAndWritesOneWeRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("neuralcore-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var generator = SplitMix64(seed: 3)
        let model = Sequential([
            Conv2D(inChannels: 1, outChannels: 2, kernelSize: 3, using: &generator), ReLU(), Flatten(),
            Linear(inputSize: 8, outputSize: 2, using: &generator),
        ])
        let ours = directory.appendingPathComponent("ours.safetensors")
        let theirs = directory.appendingPathComponent("theirs.safetensors")
        try model.save(to: ours, metadata: ["agent": "dqn"])
        let expected = model.namedParameters.map { "\($0.name)=\($0.parameter.shape)" }.joined(separator: ";")
        let script = """
            import sys, json, numpy as np
            from safetensors import safe_open
            from safetensors.numpy import save_file
            ours, theirs = sys.argv[1], sys.argv[2]
            with safe_open(ours, "np") as f:
                meta = f.metadata()
                tensors = {k: f.get_tensor(k) for k in f.keys()}
            assert meta["agent"] == "dqn" and set(meta) == {"agent", "architecture"}, meta
            architecture = json.loads(meta["architecture"])
            assert [layer["type"] for layer in architecture["layers"]] == ["Conv2d", "ReLU", "Flatten", "Linear"], architecture
            assert architecture["layers"][3] == {"type": "Linear", "in_features": 8, "out_features": 2, "bias": True}, architecture
            print(json.dumps({k: {"shape": list(v.shape), "values": [float(x) for x in v.ravel()]} for k, v in tensors.items()}))
            save_file({"a": np.arange(6, dtype=np.float32).reshape(2, 3) / 4, "b.bias": np.array([-1.5, 2e-8], dtype=np.float32)},
                      theirs, metadata={"from": "python"})
            """
        let (status, output) = try PythonRunner.run(script, arguments: [ours.path, theirs.path])
        #expect(status == 0, "python failed (set up with: python3 -m venv .venv && .venv/bin/pip install safetensors numpy): \(output)")
        guard status == 0 else { return }
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: [Double]]] ?? [:]
        for (name, parameter) in model.namedParameters {
            #expect(decoded[name]?["shape"]?.map { Int($0) } == parameter.shape, "\(expected)")
            #expect(decoded[name]?["values"]?.map { Float($0) } == parameter.value.scalars)
        }
        let file = try SafeTensors(contentsOf: theirs)
        #expect(file.metadata == ["from": "python"])
        #expect(file["a"] == Tensor(shape: [2, 3], scalars: [0, 0.25, 0.5, 0.75, 1, 1.25]))
        #expect(file["b.bias"] == Tensor([-1.5, 2e-8]))
    }
}
