import VirtualCard

/// Turns the connection's state into the lines a script waits for: `inserted` on stdout each time
/// vpcd takes the card, and on stderr — once per outage — that vpcd is not there.
struct InsertionMonitor {
    let endpoint: String
    /// How long vpcd may stay away (pcscd starting or restarting) before the operator hears of it.
    let patience: Duration = .seconds(1)
    private var connections = 0
    private var connected = false
    private var outageStart = ContinuousClock.now
    private var outageReported = false

    init(endpoint: String) {
        self.endpoint = endpoint
    }

    mutating func observe(_ connection: VPCDConnection) {
        let count = connection.connectionCount
        if connection.isConnected {
            if count > connections {
                connections = count
                connected = true
                outageReported = false
                ToolOutput.line("inserted: card in the vpcd reader at \(endpoint)")
            }
            return
        }
        if connected {
            connected = false
            outageStart = .now
        }
        if !outageReported, ContinuousClock.now - outageStart >= patience {
            outageReported = true
            ToolOutput.note("waiting for vpcd at \(endpoint) (is pcscd running with vsmartcard-vpcd?); retrying")
        }
    }
}
