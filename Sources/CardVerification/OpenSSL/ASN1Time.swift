internal import COpenSSL
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversions between OpenSSL's ASN1_TIME (UTCTime/GeneralizedTime) and `Date`.
enum ASN1Time {
    /// The instant `time` names, or nil when OpenSSL cannot read it.
    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        guard let time else { return nil }
        var components = tm()
        guard ASN1_TIME_to_tm(time, &components) == 1 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&components)))
    }

    /// -1 when `time` is before `date`, 1 when at or after it (X509_cmp_time semantics), 0 on error.
    static func compare(_ time: UnsafePointer<ASN1_TIME>?, with date: Date) -> Int32 {
        guard let time else { return 0 }
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        return X509_cmp_time(time, &seconds)
    }
}
