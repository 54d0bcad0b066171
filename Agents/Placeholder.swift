/// Placeholder until the Agents issue lands: the module's version.
public let agentsVersion = "0.1.0"
