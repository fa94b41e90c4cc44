import CCCDIdentity
import ChipProtocol
import LDS

/// The holder as the chip states it (DG13, with DG1's MRZ where DG13 is silent) and the face
/// image (DG2). Parsing is tolerant: a data group that does not parse leaves its fields nil, and
/// the verifier reports the data group as the failure.
struct ChipIdentity: Sendable {
    var personalID: PersonalID?
    var fullName: String?
    var dateOfBirth: CivilDate?
    var sex: Sex?
    var photo: FaceImage?

    init(_ read: ChipReadResult) {
        if let bytes = ChipFile.dataGroup(13).flatMap(read.bytes(of:)), let citizen = try? DataGroup13(encoded: bytes).citizen {
            personalID = citizen.idNumber
            fullName = citizen.fullName
            dateOfBirth = citizen.dateOfBirth
            sex = citizen.sex
        }
        if let bytes = ChipFile.dataGroup(2).flatMap(read.bytes(of:)), let group = try? DataGroup2(encoded: bytes) {
            photo = group.faces.first
        }
    }
}
