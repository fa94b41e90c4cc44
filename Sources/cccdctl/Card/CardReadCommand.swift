import ArgumentParser
import CCCDIdentity
import CardVerification
import ChipProtocol
import Foundation
import LDS
import SmartCardReader

/// `cccdctl card read`: opens the chip of the card in a PC/SC reader (PACE with the CAN, else BAC
/// with the MRZ keys), reads EF.COM, EF.SOD and the data groups, runs Chip and Active
/// Authentication, verifies the card (the verdict, with every check) and prints the holder, the
/// access method, the verdict and what the read cost.
struct CardReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read the chip: holder data, access method, APDUs, bytes and time.",
        discussion: """
            The verdict (authentic, authenticUnchained, suspicious, invalid) uses the trust given \
            with --csca, --master-list, --crl and --trust-dir (none: at best authenticUnchained) and, \
            with --qr, compares the QR with the chip. It does not change the exit status.
            Exit statuses: 0 read; 64 usage; 65 the chip's data is malformed or it is not an ICAO \
            document; 69 pcscd not running, no reader, or no card; 73 --out/--photo not writable; \
            75 the card was removed or reset mid-read, or the read timed out (tap again); 77 the \
            CAN or MRZ does not open the chip, or pcscd refused access. Errors are one line on stderr.
            """
    )

    @OptionGroup var access: ChipAccessArguments

    @OptionGroup var trustOptions: TrustArguments

    @Option(help: "The reader: its full name or a unique part of it. Default: the first reader holding a card.")
    var reader: String?

    @Option(help: ArgumentHelp("Data groups to read, e.g. 1,13,14,15 (EF.COM and EF.SOD are always read).", valueName: "LIST"))
    var dg: String = "1,2,13,14,15"

    @Option(help: ArgumentHelp("Write the DG2 face image to this file (JPEG or JPEG 2000, as stored).", valueName: "FILE"))
    var photo: String?

    @Option(help: ArgumentHelp("Write every file read, as raw bytes (EF.COM.bin, EF.SOD.bin, DG1.bin…), into this folder.", valueName: "DIR"))
    var out: String?

    @Option(help: "Give up after this many seconds (readers use 15–50).")
    var timeout: Int = 30

    @Flag(help: "Print JSON instead of a summary.")
    var json = false

    @Option(help: "Language of error messages: vi or en.")
    var lang: Language = .en

    func validate() throws {
        let groups = try dataGroups()
        if photo != nil, !groups.contains(2) { throw ValidationError("--photo needs DG2: add 2 to --dg") }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be 1…600 seconds") }
    }

    func dataGroups() throws -> Set<Int> {
        var groups = Set<Int>()
        for item in dg.split(separator: ",") {
            let text = item.trimmingCharacters(in: .whitespaces).uppercased()
            let digits = text.hasPrefix("DG") ? String(text.dropFirst(2)) : text
            guard let number = Int(digits), (1...16).contains(number) else {
                throw ValidationError("--dg: \"\(item)\" is not a data group number 1…16")
            }
            groups.insert(number)
        }
        return groups
    }

    func run() async throws {
        let progress = ReadProgressLine.ifTerminal()
        do {
            let report = try await read(progress: progress)
            progress?.finish()
            print(json ? try report.json() : report.summary)
        } catch {
            progress?.finish()
            let typed = error as? any UserFacingError ?? CardReadProblem(.unexpected, diagnostic: String(describing: type(of: error)))
            StandardError.writeLine("\(typed.operatorText(in: lang)) [\(typed.code)]")
            throw ExitCode(CardReadExitStatus(for: error).rawValue)
        }
    }

    private func read(progress: ReadProgressLine?) async throws -> CardReadReport {
        let credentials = try access.credentials()
        let trust = try TrustOptions.load(trustOptions.sources, lang: lang)
        let plan = ReadPlan(dataGroups: try dataGroups())
        let service = PCSCService(configuration: .init(recoveryBackoff: [.milliseconds(100), .milliseconds(300), .milliseconds(600)]))
        let readerName = try CardReaderChoice(requested: reader).pick(from: try await service.readers())
        var handler: ReadProgressHandler?
        if let progress { handler = { progress.report($0) } }
        let result = try await PCSCChipTerminal(service: service).readChip(
            on: readerName, credentials: credentials, plan: plan, timeout: .seconds(timeout), progress: handler)
        if let out {
            try ChipFileWriter.writeFiles(result.files, to: URL(fileURLWithPath: out, isDirectory: true))
        }
        let citizen = try result.bytes(of: ChipFile.dataGroup(13)).map { try DataGroup13(encoded: $0).citizen }
        let mrz = try result.bytes(of: ChipFile.dataGroup(1)).map { try DataGroup1(encoded: $0).mrz }
        let face = try result.bytes(of: ChipFile.dataGroup(2)).map { try DataGroup2(encoded: $0).face }
        if let photo {
            guard let face else { throw CardReadProblem(.noFaceImage, diagnostic: "the chip did not give DG2") }
            try ChipFileWriter.writePhoto(face.bytes, to: URL(fileURLWithPath: photo))
        }
        let verdict = CardVerifier(trust: trust, policy: trustOptions.policy())
            .verify(result, qr: try access.citizenQR(), today: try FacilityDate.parse(trustOptions.today))
        return CardReadReport(readerName: readerName, result: result, citizen: citizen, mrz: mrz, face: face, verdict: verdict)
    }
}

extension ChipReadResult {
    /// The bytes of an optional file (`ChipFile.dataGroup(n)` is nil outside 1…16).
    func bytes(of file: ChipFile?) -> [UInt8]? {
        file.flatMap { bytes(of: $0) }
    }
}
