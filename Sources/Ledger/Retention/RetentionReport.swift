/// What a retention run did.
public struct RetentionReport: Sendable, Hashable {
    /// Raw records removed (their counts stay in the rollups).
    public var prunedRecords: Int64
    /// The new pruned-prefix anchor: records 1…anchorSequence are gone, verification starts after it.
    public var anchorSequence: Int64
    /// The signed checkpoint at the anchor (vouches for it) and the one at the head, both logged.
    public var anchorCheckpoint: Checkpoint?
    public var headCheckpoint: Checkpoint?
}
