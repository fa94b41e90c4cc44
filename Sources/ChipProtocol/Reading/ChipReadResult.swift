public import ICAOCrypto

/// Everything one read produced: the files as exact bytes (Passive Authentication hashes them
/// as read), what was skipped and why, how the chip was opened, and what it cost.
///
/// The files are personal data: printing the result shows only ``summary``.
public struct ChipReadResult: Sendable, SecretBearing {
    /// Every file read, with its exact bytes, in read order (EF.CardAccess first when present).
    public var files: [ChipFileContents]
    /// Files EF.COM listed and the plan wanted that the chip would not give.
    public var skipped: [SkippedFile]
    /// The tags EF.COM lists.
    public var listedDataGroupTags: [UInt8]
    public var accessMethod: AccessMethod
    /// Chip Authentication's raw outcome; nil when not run (not wanted, or no DG14 key).
    public var chipAuthentication: ChipAuthenticationOutcome?
    /// Active Authentication's raw outcome; nil when not run (not wanted, or no DG15).
    public var activeAuthentication: ActiveAuthenticationOutcome?
    public var statistics: TransferStatistics
    /// File bytes read (without protocol overhead).
    public var fileBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }
    public var elapsed: Duration

    /// Safe for logs: counts, the access method and the outcomes, never file contents.
    public var summary: String {
        "\(files.count) files, \(fileBytes) bytes, \(accessMethod), \(statistics.commandCount) APDUs"
    }

    public var description: String { "ChipReadResult(\(summary))" }

    /// The exact bytes of `file`, if it was read.
    public func bytes(of file: ChipFile) -> [UInt8]? {
        files.first { $0.file == file }?.bytes
    }
}

/// One file as read from the chip (personal data: never printed).
public struct ChipFileContents: Sendable, Hashable, SecretBearing {
    public var file: ChipFile
    /// Exactly the bytes read: what Passive Authentication hashes and `--out` writes.
    public var bytes: [UInt8]

    public init(file: ChipFile, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }
}

/// A file the plan wanted but did not get, which is not a read failure.
public struct SkippedFile: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// 6982: protected by Terminal Authentication or otherwise not readable with this access.
        case accessDenied
        /// 6A82 although EF.COM lists it.
        case notFound
    }

    public var file: ChipFile
    public var reason: Reason

    public init(file: ChipFile, reason: Reason) {
        self.file = file
        self.reason = reason
    }
}
