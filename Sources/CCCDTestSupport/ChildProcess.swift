public import Foundation
import Glibc
import Synchronization

/// What a finished child process left behind.
public struct ProcessOutcome: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Runs `executable` to completion with `arguments`, feeding `stdin`, and captures its output.
///
/// The child is killed if it outlives `timeout`, so a hung binary fails the test instead of
/// hanging the suite and leaving a process behind.
public func runProcess(
    _ executable: URL,
    _ arguments: [String],
    stdin: Data? = nil,
    environment: [String: String]? = nil,
    timeout: Duration = .seconds(60)
) async throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe

    let finished = AsyncStream<Int32>.makeStream()
    process.terminationHandler = { finished.continuation.yield($0.terminationStatus) }
    try process.run()

    // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
    async let out = readToEnd(outPipe.fileHandleForReading)
    async let err = readToEnd(errPipe.fileHandleForReading)
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()

    // SIGKILL, not `terminate()`: a child spawned from a pool thread inherits a mask that blocks
    // SIGTERM (see SpawnedProcess), and a hung child must not hang the suite.
    let timedOut = Mutex(false)
    let pid = process.processIdentifier
    let watchdog = Task {
        try await Task.sleep(for: timeout)
        timedOut.withLock { $0 = true }
        kill(pid, SIGKILL)
    }
    var iterator = finished.stream.makeAsyncIterator()
    let status = await iterator.next() ?? -1
    watchdog.cancel()
    let (stdoutData, stderrData) = await (out, err)
    if timedOut.withLock({ $0 }) {
        throw ChildProcessError(description: "\(executable.lastPathComponent) timed out after \(timeout)")
    }
    return ProcessOutcome(status: status, stdout: stdoutData, stderr: stderrData)
}

/// Reads `handle` to its end on a thread of its own.
///
/// Not on the cooperative pool: a blocking read there takes one of its (here two) threads, and a
/// child that waits for the test to send it something would then deadlock the suite.
private func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: handle.readDataToEndOfFile()) }.start()
    }
}

/// Finds a command on `PATH` (e.g. `qrencode`), or nil when it is not installed.
public func which(_ command: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(command)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
