/// The release of Dojo's libraries and of the `dojo` tool, recorded in every run's
/// `config.json` so a result can be traced to the code that produced it.
public enum DojoVersion {
    /// The version, as `dojo --version` prints it.
    public static let current = "0.1.0"
}
