/// The outcome of a chain verification.
public struct ChainVerification: Sendable, Hashable {
    /// Why the chain is not intact.
    public enum Break: String, Sendable, Hashable {
        /// The record's stored bytes no longer hash to its stored hash, or it does not chain on.
        case hashMismatch
        /// A sequence number is missing: a record was deleted.
        case missingRecord
        /// Fewer records than a checkpoint covers: records were removed from the end.
        case truncated
        /// The chain differs from a signed checkpoint at that sequence (a rewritten chain).
        case checkpointMismatch
        /// A stored checkpoint's signature is wrong or made by another key.
        case checkpointSignature
        /// The pruned-prefix anchor is not vouched for by a signed checkpoint.
        case anchorUnverified
    }

    /// Records whose hash was recomputed.
    public var recordsChecked: Int64
    /// The last sequence number verified (the head when intact).
    public var headSequence: Int64
    /// Hex chain hash at ``headSequence``.
    public var head: String
    /// The first sequence number at which the chain is broken, nil when intact.
    public var firstBroken: Int64?
    public var breakReason: Break?

    public var isIntact: Bool { firstBroken == nil }
}
