#if FUZZING
import CLibFuzzer
#endif
import Foundation
import FuzzTargets

/// `cccd-fuzz`: built normally, it replays inputs through a target (`cccd-fuzz TARGET FILE|DIR…`),
/// which is how a crash libFuzzer saved is reproduced in a debugger. Built with `-DFUZZING
/// -sanitize=fuzzer,address` (`make fuzz`, scratch path .build-fuzz) it is libFuzzer itself, on
/// the target named by `CCCD_FUZZ_TARGET`; its arguments are libFuzzer's.
@main
struct CCCDFuzz {
    static func main() {
        #if FUZZING
        // libFuzzer's own `main` may be the one linked in (clang links its runtime whole); either
        // way the run goes through the two entry points below.
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            fail("usage: cccd-fuzz TARGET FILE|DIR…\ntargets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))")
        }
        target.prepare()
        var count = 0
        for path in arguments.dropFirst() {
            for file in inputs(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)") }
                target.run([UInt8](data))
                count += 1
            }
        }
        print("\(target.rawValue): \(count) inputs replayed, none crashed")
        #endif
    }

    /// The files at `path`: itself, or a directory's regular files in name order.
    static func inputs(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { "\(path)/\($0)" }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}

#if FUZZING
/// Read once: libFuzzer calls back through a C function pointer, which cannot capture it.
let selectedTarget = ProcessInfo.processInfo.environment["CCCD_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

/// libFuzzer calls this once before the first input: the target must be known, and its set-up
/// (keys, servers) is done outside the timed inputs.
@_cdecl("LLVMFuzzerInitialize")
func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    guard let target = selectedTarget else {
        CCCDFuzz.fail("set CCCD_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))")
    }
    target.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selectedTarget?.run(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#endif
