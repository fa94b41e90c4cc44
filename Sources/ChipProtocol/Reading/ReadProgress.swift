/// How far the read of one file has come, for a kiosk's progress bar: `bytesRead` of
/// `bytesExpected` (known after the file's header was read), and where the file sits in the plan.
public struct ReadProgress: Sendable, Hashable {
    public var file: ChipFile
    public var bytesRead: Int
    public var bytesExpected: Int
    /// 0-based position of `file` among the files the plan reads, and their count.
    public var fileIndex: Int
    public var fileCount: Int

    public init(file: ChipFile, bytesRead: Int, bytesExpected: Int, fileIndex: Int = 0, fileCount: Int = 1) {
        self.file = file
        self.bytesRead = bytesRead
        self.bytesExpected = bytesExpected
        self.fileIndex = fileIndex
        self.fileCount = fileCount
    }

    /// 0…1 for this file.
    public var fraction: Double {
        bytesExpected == 0 ? 1 : Double(bytesRead) / Double(bytesExpected)
    }
}

/// Receives progress reports; called on the reading task, so it must return quickly.
public typealias ReadProgressHandler = @Sendable (ReadProgress) -> Void
