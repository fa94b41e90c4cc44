public import CardVerification
import ChipProtocol
import Foundation
import LDS

/// EF.SOD and Passive Authentication end to end: the SOD's BER wrapper and CMS parse (swift-asn1
/// and OpenSSL's `d2i_CMS_ContentInfo`), the signature, the data-group hashes and the document
/// signer against a trust store holding the test CSCA (Fuzz/Fixtures/test-csca.pem).
///
/// Input: the chip's files concatenated, each a whole TLV with its own tag (`77` EF.SOD, `61`
/// DG1, `6D` DG13, …), as `cccdctl card read --out` saves them; bytes that do not frame as a
/// file are taken as EF.SOD, so raw mutations still reach the SOD parser.
public enum PassiveAuthenticationHarness {
    /// After the test document signer's issue date, before its expiry: the seed verifies as valid.
    static let now = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01

    static let authenticator: PassiveAuthenticator = {
        let csca = FuzzFixtures.url("test-csca.pem")
        do {
            let trust = try TrustSnapshot.load(TrustSources(cscaFiles: [csca]))
            guard trust.certificates.count == 1 else { fatalError("the fuzz trust store did not load \(csca.path)") }
            return PassiveAuthenticator(trust: trust, policy: PassiveAuthenticationPolicy(unknownIssuer: .untrusted))
        } catch {
            fatalError("the fuzz trust store: \(error)")
        }
    }()

    /// What Passive Authentication says of the input's files (the regression suite checks that
    /// the seeds verify, so the fuzzer starts from the valid path).
    public static func verify(_ data: [UInt8]) -> PassiveAuthenticationResult {
        authenticator.verify(split(data), now: now)
    }

    static func run(_ data: [UInt8]) {
        let files = split(data)
        let result = authenticator.verify(files, now: now)
        switch result.outcome {
        case .valid, .validUnchained, .expired:
            // A verified data group was read, and its hash is the one the signed SOD lists.
            guard let sod = try? files.sod() else { return invariant(false, "\(result.outcome.name) without a parsable EF.SOD") }
            for group in result.verifiedDataGroups {
                guard let file = files[.dataGroup(group)], let listed = sod.securityObject.listedHash(of: group),
                      let hash = try? sod.securityObject.hash(of: file) else {
                    return invariant(false, "\(group) verified but not read or not listed")
                }
                invariant(hash == listed, "\(group) verified with a hash the SOD does not list")
            }
        default:
            break
        }
    }

    /// The input as chip files: each TLV whose tag names an LDS file is that file (first wins).
    static func split(_ data: [UInt8]) -> LDSFileSet {
        var files = LDSFileSet()
        var offset = 0
        while offset < data.count {
            guard let (object, next) = try? TLV.decode(data, at: offset),
                  let file = LDSFile.all.first(where: { UInt32($0.tag) == object.tag }) else { break }
            if files[file] == nil { files[file] = object.encoded }
            offset = next
        }
        if offset < data.count, files[.sod] == nil { files[.sod] = Array(data[offset...]) }
        return files
    }
}
