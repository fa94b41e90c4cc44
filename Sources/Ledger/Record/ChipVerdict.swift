/// The chip verification's verdict as the ledger stores it.
///
/// Strings, not the verifier's own type: the chip verification issue defines its `Verdict` later,
/// and a ledger written today must stay readable whatever that type becomes. `notRead` covers
/// presentations where no chip was read (QR or manual input).
public enum ChipVerdict: String, Sendable, Hashable, CaseIterable, Codable {
    case authentic
    /// Genuine signatures whose document signer could not be chained to a trusted CSCA.
    case authenticUnchained
    case suspicious
    case invalid
    case notRead
}
