import Agents
import Dojo
import FuzzSupport

// Each input is a `--config` file's JSON, read into DQN's and PPO's settings and validated,
// and, line by line, `--set name=value` assignments.
runFuzzer { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    if let json = try? JSONValue(parsing: text) {
        try? PPOConfiguration(json: json).validate()
        try? DQNConfiguration(json: json).validate()
    }
    let assignments = text.split(separator: "\n").map(String.init)
    try? PPOConfiguration().setting(assignments).validate()
    try? DQNConfiguration().setting(assignments).validate()
}
