import Dispatch
import Foundation

/// Runs a child to completion like `runProcess`, but drains its pipes on Dispatch threads.
///
/// `runProcess` reads pipes with blocking calls inside Swift tasks; on a 2-core machine those
/// occupy the whole cooperative pool, and an in-process simulator in the same test can then never
/// answer the child — a deadlock until timeouts. Reading on Dispatch keeps the pool free.
func runChild(_ executable: URL, _ arguments: [String], timeout: Duration = .seconds(60)) async throws -> ChildOutcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let outPipe = Pipe(), errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()

    async let out = drain(outPipe.fileHandleForReading)
    async let err = drain(errPipe.fileHandleForReading)
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.components.seconds * 1000)), execute: watchdog)
    let (stdout, stderr) = await (out, err)
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            process.waitUntilExit()
            continuation.resume()
        }
    }
    watchdog.cancel()
    return ChildOutcome(status: process.terminationStatus, stdout: stdout, stderr: stderr)
}

/// What a finished child left behind.
struct ChildOutcome: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

private func drain(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
    }
}
