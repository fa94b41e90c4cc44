import CCCDTestSupport
import COpenSSL
import CardVerification
import Foundation
import ICAOCrypto
import LDS

/// Passive Authentication of a typical CCCD SOD: DG1, a 15 KB DG2, DG13, DG14 and DG15 hashed
/// with SHA-256, signed by a document signer under a trusted CSCA on brainpoolP256r1, and on
/// RSA-2048. The chain and SOD are made with the `openssl` tool at start-up, as in the tests.
///
/// Anchor: what `openssl cms -verify -CAfile csca.pem` does, in-process with the same OpenSSL
/// calls and no project code — `d2i_CMS_ContentInfo` and `CMS_verify` with the CSCA in an
/// `X509_STORE` (signature, messageDigest and chain). It is the floor for the same
/// cryptographic work, so the ratio is the price of the product's wrapping: the EF.SOD parse,
/// the data-group hashes, the consistency checks and the per-check report.
func passiveAuthenticationBenchmarks() throws -> [Comparison] {
    try [(TestKeyAlgorithm.ec("brainpoolP256r1"), "brainpoolP256r1"), (.rsa(bits: 2048), "RSA-2048")].flatMap { key, name in
        let fixture = try blockingAwait { try await PassiveAuthenticationFixture.make(key) }
        let authenticator = PassiveAuthenticator(trust: fixture.trust)
        let verification = try measure("Passive Authentication, \(name) (5 DGs, SHA-256)", iterations: 200) {
            let result = authenticator.verify(fixture.files)
            guard result.outcome == .valid else { throw BenchmarkFailure(description: "PA of the \(name) SOD: \(result.outcome.name)") }
        }
        let store = try AnchorStore(trusting: fixture.cscaDER)
        let anchor = try measure("OpenSSL d2i + CMS_verify with chain, \(name)", iterations: 200) {
            guard try store.verify(fixture.contentInfo) else { throw BenchmarkFailure(description: "CMS_verify failed for \(name)") }
        }
        var rows = [Comparison(figure: verification, anchor: anchor, target: .under(milliseconds: 5))]
        if let large = fixture.trustWithMasterList {
            let crowded = PassiveAuthenticator(trust: large)
            let withList = try measure("… with a 588-CSCA master list loaded, \(name)", iterations: 200) {
                guard crowded.verify(fixture.files).outcome == .valid else { throw BenchmarkFailure(description: "PA with the master list") }
            }
            rows.append(Comparison(figure: withList, anchor: anchor, target: .under(milliseconds: 5)))
        } else {
            print("SKIPPED: master list row (no \(PassiveAuthenticationFixture.masterList.path); set CCCD_MASTER_LIST)")
        }
        return rows
    }
}

private struct PassiveAuthenticationFixture: Sendable {
    let files: LDSFileSet
    let trust: TrustSnapshot
    let contentInfo: [UInt8]
    let cscaDER: [UInt8]
    /// The same CSCA among a master list's 588 — a realistic store size for the issuer lookup;
    /// nil when the public master list is not on this machine.
    let trustWithMasterList: TrustSnapshot?

    static let masterList = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CCCD_MASTER_LIST"]
        ?? "/work/shared/data/DE_ML_2026-05-28-08-28-45.ml")

    static func make(_ key: TestKeyAlgorithm) async throws -> PassiveAuthenticationFixture {
        try await withTemporaryDirectory { directory in
            let csca = try await TestCSCA.create(in: directory, name: "csca", subject: "/C=VN/O=Bench/CN=Bench CSCA", key: key)
            let signer = try await csca.issueDocumentSigner(name: "ds", subject: "/C=VN/O=Bench/CN=Bench DS", key: key)
            let photo = (0..<15_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            let groups: [DataGroup: [UInt8]] = [
                .dg1: try DataGroup1.encode(lines: ["IDVNM0099000001<<<<<<<<<<<<<<<", "9001011M3001012VNM<<<<<<<<<<<2",
                                                    "TRAN<<VAN<THU<<<<<<<<<<<<<<<<<"]),
                .dg2: [0x75, 0x82, UInt8(photo.count >> 8), UInt8(photo.count & 0xFF)] + photo,
                .dg13: try DataGroup13.encode(VietnameseCitizenData(fullName: "Trần Văn Thử", nationality: "Việt Nam")),
                .dg14: [0x6E, 0x82, 0x01, 0x2C] + Array(repeating: 0x14, count: 300),
                .dg15: [0x6F, 0x82, 0x01, 0x26] + Array(repeating: 0x15, count: 294),
            ]
            let object = try LDSSecurityObject.hashing(groups, with: .sha256)
            let cms = try await signWithOpenSSLCMS(try object.derEncoded(), signer: signer, in: directory)
            var files = LDSFileSet()
            files[.sod] = EFSOD.encode(contentInfo: cms)
            for (group, bytes) in groups { files[.dataGroup(group)] = bytes }
            let trust = try TrustSnapshot.load(TrustSources(cscaFiles: [csca.files.certificate]))
            let cscaDER = try X509Certificate.certificates(in: try csca.files.certificatePEM())[0].der
            let withList = FileManager.default.fileExists(atPath: masterList.path)
                ? try TrustSnapshot.load(TrustSources(cscaFiles: [csca.files.certificate], masterListFiles: [masterList])) : nil
            return PassiveAuthenticationFixture(files: files, trust: trust, contentInfo: cms, cscaDER: cscaDER,
                                                trustWithMasterList: withList)
        }
    }
}

/// The anchor's trust store, built once like the product's snapshot: the CSCA in an `X509_STORE`.
private final class AnchorStore {
    let store: OpaquePointer

    init(trusting cscaDER: [UInt8]) throws {
        guard let store = X509_STORE_new() else { throw BenchmarkFailure(description: "X509_STORE_new") }
        self.store = store
        let csca: OpaquePointer? = cscaDER.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_X509(nil, &cursor, buffer.count)
        }
        guard let csca else { throw BenchmarkFailure(description: "d2i_X509") }
        defer { X509_free(csca) }
        X509_STORE_add_cert(store, csca)
    }

    deinit { X509_STORE_free(store) }

    /// OpenSSL alone, as `openssl cms -verify -binary -CAfile csca.pem` runs it.
    func verify(_ contentInfo: [UInt8]) throws -> Bool {
        let cms: OpaquePointer? = contentInfo.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_CMS_ContentInfo(nil, &cursor, buffer.count)
        }
        guard let cms else { throw BenchmarkFailure(description: "d2i_CMS_ContentInfo") }
        defer { CMS_ContentInfo_free(cms) }
        return CMS_verify(cms, nil, store, nil, nil, UInt32(CMS_BINARY)) == 1
    }
}

/// Runs async set-up from the synchronous benchmark driver (the benchmark itself is synchronous).
private func blockingAwait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw BenchmarkFailure(description: "set-up did not finish") }
    return try result.get()
}

/// `@unchecked Sendable`: written once by the set-up task before it signals the semaphore, read
/// once after the wait — the semaphore orders the two accesses.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
