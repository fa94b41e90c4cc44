extension Duration {
    /// Whole milliseconds, rounded down and never negative: PC/SC timeouts and semaphore waits
    /// are in milliseconds.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
