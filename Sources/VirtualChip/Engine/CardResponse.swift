import ChipProtocol

/// What a command handler answers before secure messaging wraps it.
struct CardResponse: Sendable {
    var data: [UInt8] = []
    var status: StatusWord

    static func status(_ status: StatusWord) -> CardResponse {
        CardResponse(status: status)
    }

    static func success(_ data: [UInt8] = []) -> CardResponse {
        CardResponse(data: data, status: .success)
    }

    var encoded: [UInt8] { data + [status.sw1, status.sw2] }
}

extension StatusWord {
    /// 6986: command not allowed (no current EF).
    static let noCurrentElementaryFile = StatusWord(0x6986)
    /// 6A88: referenced data (a key) not found.
    static let referencedDataNotFound = StatusWord(0x6A88)
}
