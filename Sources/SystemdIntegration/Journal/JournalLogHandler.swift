public import Logging

/// A swift-log handler for a daemon under systemd: native journal fields when journald reads
/// our stderr, `<N>`-prefixed stderr lines otherwise (see ``JournalSink/detect(environment:nativeSocket:)``).
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public let label: String
    public let identifier: String
    let sink: JournalSink

    public init(label: String, identifier: String, level: Logger.Level = .info, sink: JournalSink) {
        self.label = label
        self.identifier = identifier
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
        source: String, file: String, function: String, line: UInt
    ) {
        let merged = explicit.map { metadata.merging($0) { _, new in new } } ?? metadata
        sink.write(JournalEntry(level: level, message: message.description, metadata: merged, identifier: identifier,
                                logger: label, file: file, function: function, line: line))
    }

    /// Makes every `Logger` of the process use journald-friendly output.
    public static func bootstrap(identifier: String, level: Logger.Level, environment: [String: String]) {
        let sink = JournalSink.detect(environment: environment)
        LoggingSystem.bootstrap { label in
            JournalLogHandler(label: label, identifier: identifier, level: level, sink: sink)
        }
    }
}
