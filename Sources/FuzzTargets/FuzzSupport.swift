import Dispatch

/// An invariant of the product did not hold: the fuzzer's finding. Stops the process so libFuzzer
/// keeps the input (a thrown error would just be bad input handled well).
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
               file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("fuzz invariant broken: \(message())", file: file, line: line) }
}

/// Reads a fuzz input front to back: control bytes first, then whatever is left as a payload.
/// Reading past the end yields zeros, so every input is a valid program for the harness.
struct FuzzInput {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + max(0, count))
        defer { offset = max(offset, end) }
        return offset < end ? Array(bytes[offset..<end]) : []
    }

    mutating func rest() -> [UInt8] {
        bytes(bytes.count - offset)
    }
}

/// Runs async product code (actors, the HTTP stack) from libFuzzer's synchronous callback, which
/// runs on the main thread, outside Swift's cooperative pool, so blocking it cannot starve the task.
func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    guard let value = box.value else { fatalError("the awaited task finished without a value") }
    return value
}

/// `@unchecked Sendable`: written once by the task before it signals the semaphore, read once
/// after the wait; the semaphore orders the two accesses.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
