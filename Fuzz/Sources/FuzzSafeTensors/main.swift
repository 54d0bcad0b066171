import Agents
import Foundation
import FuzzSupport
import NeuralCore

// Each input is a checkpoint file: read by the safetensors reader and, when that accepts it,
// checked to read back from its own encoding (compared as bytes: NaN weights are not equal to themselves) and rebuilt as a PPO and as a DQN policy from its
// metadata, as `dojo eval` does.
runFuzzer { bytes in
    guard let file = try? SafeTensors(data: Data(bytes)) else { return }
    let encoded = file.encoded()
    precondition((try? SafeTensors(data: encoded))?.encoded() == encoded, "an accepted file must read back from its own encoding")
    _ = try? PPOCheckpoint.load(file, path: "input")
    _ = try? DQNCheckpoint.load(file, path: "input")
}
