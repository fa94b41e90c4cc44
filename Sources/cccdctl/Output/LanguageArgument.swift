public import ArgumentParser
public import CCCDIdentity

/// `--lang vi|en` on every command that prints messages.
///
/// Declared here because CCCDIdentity must not depend on ArgumentParser; this executable is the
/// only module that declares the conformance.
extension Language: ExpressibleByArgument {}
