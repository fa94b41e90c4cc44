extension CitizenQR {
    /// The checks that need today's date, which the parser does not have: a card cannot have been
    /// issued after today (and, the parser having checked issue ≥ birth, nobody is born after it).
    /// `today` is the facility's civil date; a QR from a card issued today passes.
    public func checkDates(asOf today: CivilDate) throws(QRPayloadError) {
        if issueDate > today { throw .issuedInFuture }
    }
}
