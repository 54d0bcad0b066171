import Agents
import Dojo
import Foundation

/// What `dojo train --config FILE.json` reads: a JSON object of settings, or a run's own
/// `config.json`, whose `hyperparameters` are the settings and whose `env`, `agent` and
/// `env_options` are the run's unless flags say otherwise.
struct ConfigurationFile {
    /// The settings, by Stable-Baselines3's names.
    let settings: JSONValue
    /// A run's environment id, agent and environment options.
    let environmentID: String?
    let agent: String?
    let environmentOptions: Options?

    /// Reads the file at `path`.
    ///
    /// - Throws: ``CommandError`` naming the file when it cannot be read, is not JSON, or a
    ///   run's entry has the wrong type.
    init(path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CommandError("--config \(path): cannot read it (\(error.localizedDescription))")
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw CommandError("--config \(path): not JSON: \(error)")
        }
        guard let object = json.objectValue, object["dojo_version"] != nil, let hyperparameters = object["hyperparameters"] else {
            (settings, environmentID, agent, environmentOptions) = (json, nil, nil, nil)
            return
        }
        settings = hyperparameters
        environmentID = object["env"]?.stringValue
        agent = object["agent"]?.stringValue
        environmentOptions = object["env_options"]?.objectValue
        guard object["env"].map({ $0.stringValue != nil }) ?? true, object["agent"].map({ $0.stringValue != nil }) ?? true,
            object["env_options"].map({ $0.objectValue != nil }) ?? true
        else {
            throw CommandError("--config \(path): a run's env and agent are strings and its env_options an object")
        }
    }
}
