import CCCDIdentity
import CardVerification
import ChipProtocol
import Foundation
import LDS

/// What `cccdctl card read` prints: the holder, how the chip was opened, the verdict, what was
/// read and what it cost (APDUs, bytes, milliseconds) — as JSON or as a short summary.
struct CardReadReport: Encodable {
    let readerName: String
    let result: ChipReadResult
    let citizen: VietnameseCitizenData?
    let mrz: MachineReadableZone?
    let face: FaceImage?
    let verdict: CardVerdict

    enum CodingKeys: String, CodingKey {
        case reader, access, chipAuthentication, activeAuthentication, files, skipped, face
        case apduCount, bytesSent, bytesReceived, fileBytes, milliseconds, verdict
    }

    /// The read's duration, to 0.1 ms.
    var milliseconds: Double {
        let (seconds, attoseconds) = result.elapsed.components
        return ((Double(seconds) * 1e3 + Double(attoseconds) / 1e15) * 10).rounded() / 10
    }

    func encode(to encoder: any Encoder) throws {
        try ChipIdentityJSON(citizen: citizen, mrz: mrz).encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        let statistics = result.statistics
        try container.encode(readerName, forKey: .reader)
        try container.encode(AccessJSON(result.accessMethod), forKey: .access)
        try container.encode(result.chipAuthentication?.status.rawValue, forKey: .chipAuthentication)
        try container.encode(result.activeAuthentication?.status.rawValue, forKey: .activeAuthentication)
        try container.encode(result.files.map { FileJSON(name: $0.file.name, bytes: $0.bytes.count) }, forKey: .files)
        try container.encode(result.skipped.map { SkippedJSON(name: $0.file.name, reason: $0.reason.rawValue) }, forKey: .skipped)
        try container.encode(face.map(FaceJSON.init), forKey: .face)
        try container.encode(statistics.commandCount, forKey: .apduCount)
        try container.encode(statistics.bytesSent, forKey: .bytesSent)
        try container.encode(statistics.bytesReceived, forKey: .bytesReceived)
        try container.encode(result.fileBytes, forKey: .fileBytes)
        try container.encode(milliseconds, forKey: .milliseconds)
        try container.encode(CardVerdictJSON(verdict), forKey: .verdict)
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Three lines: who, how the chip was opened and checked, what the read cost.
    var summary: String {
        let name = citizen?.fullName ?? mrz.map { ($0.name.primary + $0.name.secondary).joined(separator: " ") } ?? "(no name on the chip)"
        let id = citizen?.idNumber?.digits ?? mrz?.documentNumber ?? "?"
        let born = citizen?.dateOfBirth?.iso8601 ?? citizen?.partialDateOfBirth ?? mrz?.dateOfBirth.text ?? "?"
        var checks = [result.accessMethod.description]
        if let ca = result.chipAuthentication { checks.append("chip authentication: \(ca.status.rawValue)") }
        if let aa = result.activeAuthentication { checks.append("active authentication: \(aa.status.rawValue)") }
        let names = result.files.map(\.file.name).joined(separator: ", ")
        let reasons = verdict.reasons.isEmpty ? "" : " (" + verdict.reasons.map(\.code).joined(separator: ", ") + ")"
        let skipped = result.skipped.isEmpty ? "" : "; skipped " + result.skipped.map { "\($0.file.name) (\($0.reason.rawValue))" }.joined(separator: ", ")
        return """
            \(name) — ID \(id), born \(born)
            \(checks.joined(separator: "; "))
            verdict: \(verdict.kind.rawValue)\(reasons)
            read \(names) (\(result.fileBytes) bytes\(skipped)) from \(readerName) in \(result.statistics.commandCount) APDUs, \(milliseconds) ms
            """
    }
}

private struct FileJSON: Encodable {
    let name: String
    let bytes: Int
}

private struct SkippedJSON: Encodable {
    let name: String
    let reason: String
}

private struct FaceJSON: Encodable {
    let format: String
    let mimeType: String
    let bytes: Int

    init(_ face: FaceImage) {
        format = face.format.rawValue
        mimeType = face.format.mimeType
        bytes = face.bytes.count
    }
}
